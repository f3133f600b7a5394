import { expect } from "vitest";
import { wibFromNow, type Body } from "../channel-test-kit";
import { describeChannelApi } from "../channel-test-suite";

/** The SDK's tests' and the uptime bot's field set; more in api.test.ts and callbacks.test.ts. */
const linkBody = (reference: string): Body => ({
  amount: 10000,
  title: "Kaos polos",
  description: "Ukuran M",
  expires_at: wibFromNow(86_400_000),
  external_id: reference,
  return_url: "https://shop.example/thanks",
});

const emulator = describeChannelApi({
  path: "/v1/payment-link",
  referenceField: "external_id",
  body: linkBody,
  required: ["amount", "title"],
  createdKeys: [
    "uuid",
    "external_id",
    "amount",
    "title",
    "description",
    "status",
    "expires_at",
    "created_at",
    "return_url",
    "payment_link_url",
  ],
  checkCreated: (data, body) => {
    expect(data).toMatchObject({
      external_id: body.external_id,
      amount: "10000.0000",
      title: "Kaos polos",
      status: "ACTIVE",
      return_url: "https://shop.example/thanks",
    });
    const path = `/share/payment-links/${String(data.uuid)}`;
    expect(data.payment_link_url).toBe(`${emulator.baseUrl()}${path}`);
  },
  callback: {
    type: "payment-link",
    channel: "QRIS",
    keys: [
      "uuid",
      "event",
      "title",
      "amount",
      "status",
      "paid_at",
      "settle_at",
      "channel_id",
      "created_at",
      "expires_at",
      "return_url",
      "description",
      "external_id",
      "payment_link_url",
    ],
  },
});
