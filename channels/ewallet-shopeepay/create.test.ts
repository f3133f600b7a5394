import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/purwantara/route";
import { createPayment } from "@/lib/payments/create-payment";
import { callbackBody, callbackRequest } from "@/testing/callbacks";
import { withGatewayTestbed } from "@/testing/gateway-testbed";
import type { CheckoutWalletForm } from "../shared/checkout-wallet";
import { ewalletShopeepay } from "./server";

const { emulator, rowOf, user } = withGatewayTestbed({ email: "spay@example.com" });

const form = (overrides: Partial<CheckoutWalletForm> = {}): CheckoutWalletForm => ({
  idempotencyKey: randomUUID(),
  amount: 80_000n,
  customerName: "Budi Santoso",
  customerEmail: "budi@example.com",
  customerPhone: "081234567890",
  description: "Batik tulis",
  returnUrl: "https://shop.example/thanks",
  ...overrides,
});

describe("createPayment (ShopeePay) against the emulator", () => {
  it("stores an active checkout with its link", async () => {
    const result = await createPayment(ewalletShopeepay, form(), user());
    expect(result.ok).toBe(true);
    const row = await rowOf(result.transaction.id);
    expect(row).toMatchObject({
      channel: "ewallet-shopeepay",
      state: "active",
      raw_status: "ACTIVE",
      amount: "80000.0000",
      payment_channel: "shopee_pay",
      customer_name: "Budi Santoso",
      customer_phone: "081234567890",
      return_url: "https://shop.example/thanks",
    });
    const uuid = String(row?.purwantara_uuid);
    expect(row?.checkout_url).toBe(emulator.url(`/share/shopeepay/${uuid}`));
    const remote = (await (await fetch(emulator.url(`/control/transactions/${uuid}`))).json()) as {
      transaction: Record<string, unknown>;
    };
    expect(remote.transaction).toMatchObject({
      external_id: row?.external_id,
      payment_channel: "shopee_pay",
      return_url: "https://shop.example/thanks",
    });
    // The link the buyer is sent to answers.
    expect((await fetch(String(row?.checkout_url))).status).toBe(200);
  });

  it("puts the gateway's 422 beside the amount field", async () => {
    const result = await createPayment(ewalletShopeepay, form({ amount: 999n }), user());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const fields = Object.keys(result.error.fields);
    expect(fields.map((f) => ewalletShopeepay.gatewayFields[f])).toEqual(["amount"]);
  });

  it("moves to paid on its callback, keeping the checkout link", async () => {
    const result = await createPayment(ewalletShopeepay, form({ returnUrl: null }), user());
    const row = await rowOf(result.transaction.id);
    const body = callbackBody({
      uuid: String(row?.purwantara_uuid),
      event: { meta: { customer_phone: "081234567890" }, type: "ewallet", channel: "SHOPEEPAY" },
      external_id: String(row?.external_id),
      status: "PAID",
      amount: "80000.0000",
      checkout_url: String(row?.checkout_url),
    });
    expect(await (await POST(callbackRequest(body))).json()).toEqual({
      ok: true,
      outcome: "applied",
    });
    expect(await rowOf(result.transaction.id)).toMatchObject({
      state: "paid",
      checkout_url: row?.checkout_url,
      return_url: null,
    });
  });
});
