import { describe, expect, it } from "vitest";
import { send, uniqueRef, walletCallbackHead, type Body, type Data } from "../channel-test-kit";
import { describeChannelApi } from "../channel-test-suite";

/** The staff uptime bot's field set. */
const danaBody = (reference: string): Body => ({
  amount: 42000,
  customer_email: "sari@example.com",
  description: "Kain songket",
  customer_phone: "081234567890",
  payment_channel: "wallet_dana",
  external_id: reference,
  merchant_trx_id: reference,
  pay_return: "https://shop.example/thanks",
});

const emulator = describeChannelApi({
  path: "/v1/ewallet/dana",
  referenceField: "external_id",
  body: danaBody,
  required: ["amount", "payment_channel", "external_id"],
  createdKeys: ["uuid", "status", "checkout_url"],
  checkCreated: (data) => {
    expect(data.checkout_url).toBe(`${emulator.baseUrl()}/share/dana/${String(data.uuid)}`);
    expect(data.status).toBe("ACTIVE");
  },
  callback: {
    type: "ewallet",
    channel: "DANA",
    keys: [
      ...walletCallbackHead,
      "description",
      "customer_phone",
      "customer_email",
      "merchant_trx_id",
      "pay_return",
      "checkout_url",
      "created_at",
    ],
  },
});
const { url } = emulator;

describe("DANA checkout page", () => {
  it("lets the buyer pay at checkout_url", async () => {
    const data = (await send(url("/v1/ewallet/dana"), danaBody(uniqueRef("page")))).body
      .data as Data;
    const page = await (await fetch(String(data.checkout_url))).text();
    expect(page).toContain("Kain songket");
    expect(page).toMatch(/Rp\s42\.000/);
    expect(page).toContain(">Pay</button>");
  });

  it("refuses another wallet's payment_channel", async () => {
    const res = await send(url("/v1/ewallet/dana"), {
      ...danaBody(uniqueRef("other")),
      payment_channel: "shopee_pay",
    });
    expect(res.status).toBe(422);
    expect(res.body.error?.fields).toEqual({
      payment_channel: ["The selected payment channel is invalid."],
    });
  });
});
