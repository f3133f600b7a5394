import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createPayment } from "@/lib/payments/create-payment";
import { withGatewayTestbed } from "@/testing/gateway-testbed";
import {
  expectRefusedFields,
  inquiryData,
  payByCallback,
  remoteTransaction,
} from "@/testing/channel-create";
import { virtualAccount, type VirtualAccountForm } from "./server";

const { emulator, control, rowOf, user } = withGatewayTestbed({ email: "va@example.com" });

const form = (overrides: Partial<VirtualAccountForm> = {}): VirtualAccountForm => ({
  idempotencyKey: randomUUID(),
  bank: "BCA",
  name: "Budi Santoso",
  amount: 150_000n,
  description: "Tenun ikat",
  expiresAt: new Date(Date.now() + 86_400_000),
  ...overrides,
});

describe("createPayment (virtual account) against the emulator", () => {
  it("stores an active VA with its number, fee and total, as the gateway confirmed them", async () => {
    const result = await createPayment(virtualAccount, form(), user());
    expect(result.ok).toBe(true);
    const row = await rowOf(result.transaction.id);
    expect(row).toMatchObject({
      channel: "virtual-account",
      state: "active",
      raw_status: "ACTIVE",
      amount: "150000.0000",
      bank: "BCA",
      customer_name: "Budi Santoso",
      title: "Tenun ikat",
      fee: "4500.0000",
      total: "150000.0000",
    });
    expect(String(row?.va_number)).toMatch(/^70012\d{11}$/);
    expect(await remoteTransaction(emulator, row?.purwantara_uuid)).toMatchObject({
      external_id: row?.external_id,
      bank: "BCA",
      name: "Budi Santoso",
      va_number: row?.va_number,
    });
  });

  it("reads the inquiry answer with the same module", async () => {
    const result = await createPayment(virtualAccount, form({ bank: "BRI" }), user());
    const uuid = String((await rowOf(result.transaction.id))?.purwantara_uuid);
    const data = await inquiryData(emulator, virtualAccount, uuid);
    expect(virtualAccount.readCreated(data)).toMatchObject({
      uuid,
      status: "ACTIVE",
      facts: { bank: "BRI", fee: "4000.0000" },
    });
  });

  it("puts the gateway's 422 beside the form's amount field", async () => {
    const result = await createPayment(virtualAccount, form({ amount: 5000n }), user());
    const fields = expectRefusedFields(virtualAccount, result, ["amount"]);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind: "validation", httpStatus: 422 });
    expect(fields).toEqual(["expected_amount"]);
    expect(await rowOf(result.transaction.id)).toMatchObject({
      state: "failed_to_create",
      error_code: "VALIDATION_ERROR",
    });
  });

  it("fills an unconfirmed VA from its callback: number, fee, total", async () => {
    await control("latency", { ms: 1500 });
    const result = await createPayment(virtualAccount, form({ name: "Slow" }), user()).finally(() =>
      control("latency", { ms: 0 }),
    );
    const row = await rowOf(result.transaction.id);
    expect(row).toMatchObject({ state: "unconfirmed", va_number: null });
    const list = (await (await fetch(emulator.url("/control/transactions"))).json()) as {
      transactions: Record<string, string>[];
    };
    const made = list.transactions.find((t) => t.external_id === row?.external_id)!;
    await payByCallback(
      { purwantara_uuid: made.uuid, external_id: made.external_id },
      {
        event: { meta: { customer_phone: null }, type: "virtual-account", channel: "BCA" },
        amount: "150000.0000",
        va_number: made.va_number!,
        fee: "4500.0000",
        total: "150000.0000",
        bank: "BCA",
      },
    );
    expect(await rowOf(result.transaction.id)).toMatchObject({
      state: "paid",
      va_number: made.va_number,
      fee: "4500.0000",
      total: "150000.0000",
      payment_channel: "BCA",
    });
  });
});
