import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/purwantara/route";
import { createPayment } from "@/lib/payments/create-payment";
import { callbackBody, callbackRequest } from "@/testing/callbacks";
import { withGatewayTestbed } from "@/testing/gateway-testbed";
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
    const remote = (await (
      await fetch(emulator.url(`/control/transactions/${String(row?.purwantara_uuid)}`))
    ).json()) as { transaction: Record<string, unknown> };
    expect(remote.transaction).toMatchObject({
      external_id: row?.external_id,
      payment_channel: "OVO",
      customer_phone: "081234567890",
    });
  });

  it("puts the gateway's 422 beside the amount field", async () => {
    const result = await createPayment(ewalletOvo, form({ amount: 500n }), user());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const fields = Object.keys(result.error.fields);
    expect(fields.map((f) => ewalletOvo.gatewayFields[f])).toEqual(["amount"]);
    expect(await rowOf(result.transaction.id)).toMatchObject({ state: "failed_to_create" });
  });

  it("moves to paid when the buyer approves (callback), keeping the phone", async () => {
    const result = await createPayment(
      ewalletOvo,
      form({ customerEmail: "b@example.com" }),
      user(),
    );
    const row = await rowOf(result.transaction.id);
    const body = callbackBody({
      uuid: String(row?.purwantara_uuid),
      event: { meta: { customer_phone: "081234567890" }, type: "ewallet", channel: "OVO" },
      external_id: String(row?.external_id),
      status: "PAID",
      amount: "50000.0000",
    });
    expect(await (await POST(callbackRequest(body))).json()).toEqual({
      ok: true,
      outcome: "applied",
    });
    expect(await rowOf(result.transaction.id)).toMatchObject({
      state: "paid",
      customer_phone: "081234567890",
      customer_email: "b@example.com",
      payment_channel: "OVO",
    });
  });
});
