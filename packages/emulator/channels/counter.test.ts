import { describe, expect, it } from "vitest";
import { read, send, uniqueRef, wibFromNow, type Body, type Data } from "../channel-test-kit";
import { describeChannelApi } from "../channel-test-suite";

/** The SDK's tests' and the uptime bot's field set. */
const counterBody = (reference: string): Body => ({
  expected_amount: 50000,
  name: "Siti Aminah",
  description: "Tagihan bulan Juni",
  expired_at: wibFromNow(2 * 86_400_000),
  external_id: reference,
  merchant_trx_id: reference,
  payment_channel: "Alfamart",
});

const emulator = describeChannelApi({
  path: "/v1/counter",
  referenceField: "external_id",
  body: counterBody,
  required: ["expected_amount", "name", "external_id", "payment_channel"],
  createdKeys: ["uuid", "payment_code", "payment_channel"],
  checkCreated: (data) => {
    expect(data.payment_code).toMatch(/^PWT\d{10}$/);
    expect(data.payment_channel).toBe("Alfamart");
  },
  inquiryPath: (uuid) => `/v1/counter/inquiry/${uuid}`,
  listPath: "/v1/counter/list",
  callback: {
    type: "counter",
    channel: "ALFAMART",
    keys: [
      "uuid",
      "event",
      "external_id",
      "merchant_trx_id",
      "name",
      "description",
      "expired_at",
      "amount",
      "status",
      "paid_at",
      "settle_at",
      "payment_code",
      "payment_channel",
      "created_at",
    ],
  },
});
const { url } = emulator;

describe("counter", () => {
  it("shows the request's fields and the payment code on inquiry", async () => {
    const reference = uniqueRef("inq");
    const body = counterBody(reference);
    const created = (await send(url("/v1/counter"), body)).body.data as Data;
    const inquiry = (await read(url(`/v1/counter/inquiry/${String(created.uuid)}`))).body.data;
    expect(inquiry).toMatchObject({
      uuid: created.uuid,
      payment_code: created.payment_code,
      payment_channel: "Alfamart",
      external_id: reference,
      merchant_trx_id: reference,
      name: "Siti Aminah",
      description: "Tagihan bulan Juni",
      amount: "50000.0000",
      status: "ACTIVE",
    });
  });

  it("answers 422 for another counter chain and a small amount", async () => {
    const res = await send(url("/v1/counter"), {
      ...counterBody(uniqueRef("bad")),
      expected_amount: 9999,
      payment_channel: "Indomaret",
    });
    expect(res.status).toBe(422);
    expect(res.body.error?.fields).toEqual({
      expected_amount: ["The expected amount must be at least 10000."],
      payment_channel: ["The selected payment channel is invalid."],
    });
  });
});
