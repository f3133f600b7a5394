import { describe, expect, it } from "vitest";
import { callbackSchema, channelForCallback } from "@purwantara/contract/callback";
import type { CheckoutWalletForm } from "../shared/checkout-wallet";
import { ewalletDana } from "./server";

const form = (overrides: Partial<CheckoutWalletForm> = {}): CheckoutWalletForm => ({
  idempotencyKey: "4b1f4c39-7d8f-4c3a-9e0e-3f3a8a0e2b11",
  amount: 42_000n,
  customerName: "Sari Dewi",
  customerEmail: "sari@example.com",
  customerPhone: "081234567890",
  description: "Kain songket",
  returnUrl: "https://shop.example/thanks",
  ...overrides,
});

describe("DANA module", () => {
  it("builds POST ewallet/dana exactly as the contract has it", () => {
    const { path, body } = ewalletDana.createRequest(form(), "PWD-REF1");
    expect(path).toBe("ewallet/dana");
    expect(body).toStrictEqual({
      amount: 42000,
      customer_email: "sari@example.com",
      description: "Kain songket",
      customer_phone: "081234567890",
      payment_channel: "wallet_dana",
      external_id: "PWD-REF1",
      merchant_trx_id: "PWD-REF1",
      pay_return: "https://shop.example/thanks",
    });
  });

  it("leaves an absent description and return URL out", () => {
    const { body } = ewalletDana.createRequest(form({ description: null, returnUrl: null }), "R");
    expect(body).not.toHaveProperty("description");
    expect(body).not.toHaveProperty("pay_return");
  });

  it("stores the wallet's code and a title naming DANA and the buyer", () => {
    expect(ewalletDana.draft(form({ description: null }))).toMatchObject({
      title: "DANA · Sari Dewi",
      paymentChannel: "wallet_dana",
      customerPhone: "081234567890",
    });
  });

  it("reads the checkout link from the answer, and refuses an answer without one", () => {
    expect(
      ewalletDana.readCreated({ uuid: "u-1", checkout_url: "https://pay.example/u-1" }),
    ).toEqual({ uuid: "u-1", status: "ACTIVE", facts: { checkoutUrl: "https://pay.example/u-1" } });
    expect(ewalletDana.readCreated({ uuid: "u-1" })).toBeNull();
  });

  it("puts the gateway's field errors beside the form's fields", () => {
    expect(ewalletDana.gatewayFields).toMatchObject({
      description: "description",
      pay_return: "returnUrl",
      customer_phone: "customerPhone",
    });
    expect(ewalletDana.gatewayFields.external_id).toBeUndefined();
  });

  it("files a DANA callback under DANA, another wallet under ewallet-other", () => {
    const dana = callbackSchema.parse({
      uuid: "u",
      status: "PAID",
      event: { type: "ewallet", channel: "DANA" },
    });
    expect(channelForCallback(dana)).toBe("ewallet-dana");
    const other = callbackSchema.parse({
      uuid: "u",
      status: "PAID",
      event: { type: "ewallet", channel: "LinkAja" },
    });
    expect(channelForCallback(other)).toBe("ewallet-other");
  });
});
