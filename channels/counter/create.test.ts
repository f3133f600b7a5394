import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/purwantara/route";
import { authHeader } from "@purwantara/emulator/testing";
import { createPayment } from "@/lib/payments/create-payment";
import { callbackBody, callbackRequest } from "@/testing/callbacks";
import { withGatewayTestbed } from "@/testing/gateway-testbed";
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
    const inquiry = await fetch(emulator.url(`/v1/${counter.inquiryPath!(uuid)}`), {
      headers: authHeader,
    });
    const { data } = (await inquiry.json()) as { data: Record<string, unknown> };
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
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const fields = Object.keys(result.error.fields);
    expect(fields.map((f) => counter.gatewayFields[f])).toEqual(["amount"]);
    expect(await rowOf(result.transaction.id)).toMatchObject({ state: "failed_to_create" });
  });

  it("turns PAID on its callback, keeping the code", async () => {
    const result = await createPayment(counter, form({ description: "Pulsa" }), user());
    const row = await rowOf(result.transaction.id);
    const body = callbackBody({
      uuid: String(row?.purwantara_uuid),
      event: { meta: { customer_phone: null }, type: "counter", channel: "ALFAMART" },
      external_id: String(row?.external_id),
      status: "PAID",
      amount: "25000.0000",
      payment_code: String(row?.payment_code),
      payment_channel: "Alfamart",
    });
    expect(await (await POST(callbackRequest(body))).json()).toEqual({
      ok: true,
      outcome: "applied",
    });
    expect(await rowOf(result.transaction.id)).toMatchObject({
      state: "paid",
      payment_code: row?.payment_code,
    });
  });
});
