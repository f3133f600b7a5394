import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createPayment } from "@/lib/payments/create-payment";
import { withGatewayTestbed } from "@/testing/gateway-testbed";
import { expectRefusedFields, payByCallback, remoteTransaction } from "@/testing/channel-create";
import { ewalletOvo, type OvoForm } from "./server";

const { emulator, rowOf, user } = withGatewayTestbed({ email: "ovo@example.com" });

const form = (overrides: Partial<OvoForm> = {}): OvoForm => ({
  idempotencyKey: randomUUID(),
  amount: 50_000n,
  customerPhone: "081234567890",
  customerEmail: null,
  description: "Nasi goreng",
  ...overrides,
});

describe("createPayment (OVO) against the emulator", () => {
  it("stores an active push with the phone it went to", async () => {
    const result = await createPayment(ewalletOvo, form(), user());
    expect(result.ok).toBe(true);
    const row = await rowOf(result.transaction.id);
    expect(row).toMatchObject({
      channel: "ewallet-ovo",
      state: "active",
      raw_status: "ACTIVE",
      amount: "50000.0000",
      payment_channel: "OVO",
      customer_phone: "081234567890",
      customer_email: null,
      qr_string: null,
      checkout_url: null,
    });
    expect(row?.purwantara_uuid).toEqual(expect.any(String));
    expect(await remoteTransaction(emulator, row?.purwantara_uuid)).toMatchObject({
      external_id: row?.external_id,
      payment_channel: "OVO",
      customer_phone: "081234567890",
    });
  });

  it("puts the gateway's 422 beside the amount field", async () => {
    const result = await createPayment(ewalletOvo, form({ amount: 500n }), user());
    expectRefusedFields(ewalletOvo, result, ["amount"]);
    expect(await rowOf(result.transaction.id)).toMatchObject({ state: "failed_to_create" });
  });

  it("moves to paid when the buyer approves (callback), keeping the phone", async () => {
    const result = await createPayment(
      ewalletOvo,
      form({ customerEmail: "b@example.com" }),
      user(),
    );
    const row = await rowOf(result.transaction.id);
    await payByCallback(row, {
      event: { meta: { customer_phone: "081234567890" }, type: "ewallet", channel: "OVO" },
      amount: "50000.0000",
    });
    expect(await rowOf(result.transaction.id)).toMatchObject({
      state: "paid",
      customer_phone: "081234567890",
      customer_email: "b@example.com",
      payment_channel: "OVO",
    });
  });
});
