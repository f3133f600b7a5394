import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createPayment } from "@/lib/payments/create-payment";
import { withGatewayTestbed } from "@/testing/gateway-testbed";
import { expectRefusedFields, inquiryData, payByCallback } from "@/testing/channel-create";
import { counter, type CounterForm } from "./server";

const { emulator, rowOf, user } = withGatewayTestbed({ email: "counter@example.com" });

const form = (overrides: Partial<CounterForm> = {}): CounterForm => ({
  idempotencyKey: randomUUID(),
  name: "Budi Santoso",
  amount: 25_000n,
  description: null,
  expiresAt: new Date(Date.now() + 86_400_000),
  ...overrides,
});

describe("createPayment (Alfamart counter) against the emulator", () => {
  it("stores an active payment with its code, though the create answer has no status", async () => {
    const result = await createPayment(counter, form(), user());
    expect(result.ok).toBe(true);
    const row = await rowOf(result.transaction.id);
    expect(row).toMatchObject({
      channel: "counter",
      state: "active",
      raw_status: "ACTIVE",
      amount: "25000.0000",
      payment_channel: "Alfamart",
      customer_name: "Budi Santoso",
      title: "Alfamart · Budi Santoso",
    });
    expect(String(row?.payment_code)).toMatch(/^PWT\d{10}$/);
    const uuid = String(row?.purwantara_uuid);
    const data = await inquiryData(emulator, counter, uuid);
    expect(data).toMatchObject({
      external_id: row?.external_id,
      merchant_trx_id: row?.external_id,
      name: "Budi Santoso",
      description: "Alfamart · Budi Santoso",
      payment_code: row?.payment_code,
    });
    expect(counter.readCreated(data)).toMatchObject({ uuid, status: "ACTIVE" });
  });

  it("makes one payment for a form submitted twice", async () => {
    const once = form();
    const [first, second] = await Promise.all([
      createPayment(counter, once, user()),
      createPayment(counter, once, user()),
    ]);
    expect(first.transaction.id).toBe(second.transaction.id);
  });

  it("puts the gateway's 422 beside the form's amount field", async () => {
    const result = await createPayment(counter, form({ amount: 9999n }), user());
    expectRefusedFields(counter, result, ["amount"]);
    expect(await rowOf(result.transaction.id)).toMatchObject({ state: "failed_to_create" });
  });

  it("turns PAID on its callback, keeping the code", async () => {
    const result = await createPayment(counter, form({ description: "Pulsa" }), user());
    const row = await rowOf(result.transaction.id);
    await payByCallback(row, {
      event: { meta: { customer_phone: null }, type: "counter", channel: "ALFAMART" },
      amount: "25000.0000",
      payment_code: String(row?.payment_code),
      payment_channel: "Alfamart",
    });
    expect(await rowOf(result.transaction.id)).toMatchObject({
      state: "paid",
      payment_code: row?.payment_code,
    });
  });
});
