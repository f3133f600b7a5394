import { describe, expect, it } from "vitest";
import {
  parseTlv,
  send,
  tlvValue,
  uniqueRef,
  walletCallbackHead,
  type Body,
  type Data,
} from "../channel-test-kit";
import { describeChannelApi } from "../channel-test-suite";
import { postJson } from "@purwantara/emulator/testing";
import { crc16CcittFalse } from "./qris-payload";

/** The SDK's tests' and the uptime bot's field set. */
const qrisBody = (reference: string, channel = "qris_doku"): Body => ({
  amount: 25000,
  transaction_description: "Kopi susu gula aren",
  customer_email: "budi@example.com",
  customer_first_name: "Budi",
  customer_last_name: "Santoso",
  customer_phone: "081234567890",
  payment_channel: channel,
  payment_method: "wallet",
  order_id: reference,
  merchant_trx_id: reference,
});

const emulator = describeChannelApi({
  path: "/v1/qris",
  referenceField: "order_id",
  body: (reference) => qrisBody(reference),
  required: ["amount", "payment_channel", "payment_method", "order_id"],
  createdKeys: ["uuid", "external_id", "qr_string", "qr_url", "expired_time", "status"],
  checkCreated: (data, body) => {
    expect(data).toMatchObject({ external_id: body.order_id, status: "ACTIVE" });
    const qr = String(data.qr_string);
    const fields = parseTlv(qr);
    expect(tlvValue(fields, "54")).toBe("25000");
    expect(tlvValue(parseTlv(tlvValue(fields, "62") ?? ""), "01")).toBe(
      String(body.order_id).slice(0, 25),
    );
    expect(parseInt(tlvValue(fields, "63") ?? "", 16)).toBe(crc16CcittFalse(qr.slice(0, -4)));
    expect(String(data.qr_url)).toBe(
      `${emulator.baseUrl()}/share/qris/${String(data.uuid)}/qr.svg`,
    );
    const minutesAhead = (Date.parse(String(data.expired_time)) - Date.now()) / 60_000;
    expect(minutesAhead).toBeGreaterThan(29);
    expect(minutesAhead).toBeLessThanOrEqual(30);
  },
  inquiryPath: (uuid) => `/v1/qris/inquiry/${uuid}`,
  listPath: "/v1/qris/list",
  callback: {
    type: "qris",
    channel: "DOKU",
    keys: [
      ...walletCallbackHead,
      "transaction_description",
      "merchant_trx_id",
      "qr_string",
      "qr_url",
      "expired_time",
      "created_at",
    ],
  },
});
const { url } = emulator;

describe("QRIS channels", () => {
  it.each([
    ["qris_doku", "ID.CO.DOKU.WWW", "DOKU"],
    ["shopeepay", "ID.CO.SHOPEE.WWW", "SHOPEEPAY"],
    ["qrisdana", "ID.DANA.WWW", "DANA"],
  ])("%s: the QR names %s and callbacks say %s", async (channel, guid, acquirer) => {
    const res = await send(url("/v1/qris"), qrisBody(uniqueRef(channel), channel));
    const data = res.body.data as Data;
    const merchant = parseTlv(tlvValue(parseTlv(String(data.qr_string)), "26") ?? "");
    expect(tlvValue(merchant, "00")).toBe(guid);
    await postJson(url(`/control/transactions/${String(data.uuid)}/pay`), {});
    const [callback] = await emulator.callbacksFor(String(data.uuid));
    expect(JSON.parse(String(callback?.body))).toMatchObject({
      event: { type: "qris", channel: acquirer, meta: { customer_phone: "081234567890" } },
      payment_channel: channel,
    });
  });

  it("serves an image at qr_url", async () => {
    const res = await send(url("/v1/qris"), qrisBody(uniqueRef("img")));
    const image = await fetch(String((res.body.data as Data).qr_url));
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/svg+xml");
    expect(await image.text()).toContain("<svg");
  });
});

describe("QRIS validation", () => {
  it("answers 422 per invalid field", async () => {
    const res = await send(url("/v1/qris"), {
      ...qrisBody(uniqueRef("bad")),
      amount: 10_000_001,
      payment_channel: "gopay",
      payment_method: "card",
      customer_email: "not-an-email",
      customer_phone: "12345",
    });
    expect(res.status).toBe(422);
    expect(res.body.error?.fields).toEqual({
      amount: ["The amount must not be greater than 10000000."],
      customer_email: ["The customer email must be a valid email address."],
      customer_phone: [
        "The customer phone must be an Indonesian mobile number, like 081234567890.",
      ],
      payment_channel: ["The selected payment channel is invalid."],
      payment_method: ["The selected payment method is invalid."],
    });
  });

  it("wants order_id, not external_id", async () => {
    const { order_id: reference, ...rest } = qrisBody(uniqueRef("ext"));
    const res = await send(url("/v1/qris"), { ...rest, external_id: reference ?? null });
    expect(res.status).toBe(422);
    expect(res.body.error?.fields).toEqual({ order_id: ["The order id field is required."] });
  });
});
