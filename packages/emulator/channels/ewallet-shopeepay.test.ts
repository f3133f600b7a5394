import { describe, expect, it } from "vitest";
import { send, uniqueRef, walletCallbackHead, type Body, type Data } from "../channel-test-kit";
import { describeChannelApi } from "../channel-test-suite";

/** The SDK's tests' and the uptime bot's field set. */
const shopeeBody = (reference: string): Body => ({
  amount: 35000,
  transaction_description: "Sepatu / ukuran 42",
  customer_email: "budi@example.com",
  customer_first_name: "Budi",
  customer_last_name: "Santoso",
  customer_phone: "081234567890",
  payment_channel: "shopee_pay",
  external_id: reference,
  return_url: "https://shop.example/thanks",
});

const emulator = describeChannelApi({
  path: "/v1/ewallet/shopeepay",
  referenceField: "external_id",
  body: shopeeBody,
  required: ["amount", "payment_channel", "external_id"],
  createdKeys: ["uuid", "checkout_url"],
  checkCreated: (data) => {
    expect(data.checkout_url).toBe(`${emulator.baseUrl()}/share/shopeepay/${String(data.uuid)}`);
  },
  callback: {
    type: "ewallet",
    channel: "SHOPEEPAY",
    keys: [
      ...walletCallbackHead,
      "transaction_description",
      "customer_phone",
      "customer_email",
      "return_url",
      "checkout_url",
      "created_at",
    ],
  },
});
const { url } = emulator;

describe("ShopeePay checkout page", () => {
  it("lets the buyer pay at checkout_url, then offers the way back", async () => {
    const reference = uniqueRef("page");
    const data = (await send(url("/v1/ewallet/shopeepay"), shopeeBody(reference))).body
      .data as Data;
    const checkoutUrl = String(data.checkout_url);
    const before = await (await fetch(checkoutUrl)).text();
    expect(before).toContain('<html lang="en">');
    expect(before).toContain("Sepatu / ukuran 42");
    expect(before).toMatch(/Rp\s35\.000/);
    expect(before).toContain(">Pay</button>");

    const pay = await fetch(`${checkoutUrl}/pay`, { method: "POST", redirect: "manual" });
    expect(pay.status).toBe(303);
    const after = await (await fetch(checkoutUrl)).text();
    expect(after).toContain(">PAID</span>");
    expect(after).not.toContain(">Pay</button>");
    expect(after).toContain('href="https://shop.example/thanks"');

    const [callback] = await emulator.callbacksFor(String(data.uuid));
    expect(callback?.body.toString()).toContain('"return_url":"https:\\/\\/shop.example\\/thanks"');
    expect(callback?.body.toString()).toContain('"transaction_description":"Sepatu \\/ ukuran 42"');
  });

  it("answers 404 for a page of another product", async () => {
    const link = await send(url("/v1/payment-link"), { amount: 5000, title: "Not ShopeePay" });
    const res = await fetch(url(`/share/shopeepay/${String((link.body.data as Data).uuid)}`));
    expect(res.status).toBe(404);
  });
});

describe("ShopeePay validation", () => {
  it("answers 422 for a bad return_url, email, and channel", async () => {
    const res = await send(url("/v1/ewallet/shopeepay"), {
      ...shopeeBody(uniqueRef("bad")),
      return_url: "ftp://shop.example",
      customer_email: "budi@",
      payment_channel: "ShopeePay",
    });
    expect(res.status).toBe(422);
    expect(res.body.error?.fields).toEqual({
      customer_email: ["The customer email must be a valid email address."],
      payment_channel: ["The selected payment channel is invalid."],
      return_url: ["The return url must be a valid URL."],
    });
  });
});
