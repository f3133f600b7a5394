import { describe, expect, it } from "vitest";
import { read, send, uniqueRef, wibFromNow, type Body, type Data } from "../channel-test-kit";
import { describeChannelApi } from "../channel-test-suite";
import { getJson, postJson } from "@purwantara/emulator/testing";
import type { Delivery } from "../types";
import { vaBankCodes, vaBanks } from "./banks";

/** The SDK's tests' and the uptime bot's field set. */
const vaBody = (reference: string, bank = "BCA"): Body => ({
  expected_amount: 15000,
  name: "Budi Santoso",
  bank,
  description: "Pembayaran pesanan",
  expired_at: wibFromNow(86_400_000),
  external_id: reference,
  merchant_trx_id: reference,
  payment_code: null,
});

const emulator = describeChannelApi({
  path: "/v1/virtual-account",
  referenceField: "external_id",
  body: (reference) => vaBody(reference),
  required: ["expected_amount", "name", "bank", "external_id"],
  createdKeys: [
    "uuid",
    "external_id",
    "name",
    "amount",
    "fee",
    "total",
    "fee_charged_to",
    "va_number",
    "description",
    "expired_at",
    "payment_code",
    "status",
  ],
  checkCreated: (data, body) => {
    expect(data).toMatchObject({
      external_id: body.external_id,
      name: "Budi Santoso",
      amount: "15000.0000",
      fee: "4500.0000",
      total: "15000.0000",
      fee_charged_to: "merchant",
      description: "Pembayaran pesanan",
      payment_code: null,
      status: "ACTIVE",
    });
    expect(data.va_number).toMatch(/^70012\d{11}$/);
    expect(data.expired_at).toBe(
      new Date(String(body.expired_at)).toISOString().replace("Z", "000Z"),
    );
  },
  inquiryPath: (uuid) => `/v1/virtual-account/inquiry/${uuid}`,
  listPath: "/v1/virtual-account/list",
  callback: {
    type: "virtual-account",
    channel: "BCA",
    keys: [
      "uuid",
      "event",
      "external_id",
      "merchant_trx_id",
      "name",
      "bank",
      "va_number",
      "payment_code",
      "amount",
      "status",
      "paid_at",
      "settle_at",
      "fee",
      "total",
      "fee_charged_to",
      "description",
      "created_at",
      "expired_at",
    ],
  },
});
const { url } = emulator;

const create = async (body: Body) =>
  (await send(url("/v1/virtual-account"), body)).body.data as Data;

describe("virtual account numbers", () => {
  it.each(vaBankCodes)("gives %s VAs 16 digits behind the bank's prefix", async (bank) => {
    const data = await create(vaBody(uniqueRef(bank), bank));
    expect(String(data.va_number)).toMatch(new RegExp(`^${vaBanks[bank].prefix}\\d+$`));
    expect(String(data.va_number)).toHaveLength(16);
    const inquiry = await read(url(`/v1/virtual-account/inquiry/${String(data.uuid)}`));
    expect((inquiry.body.data as Data).bank).toBe(bank);
  });

  it("puts a custom payment_code at the end of the number, zero-padded", async () => {
    const body = { ...vaBody(uniqueRef("code"), "MANDIRI"), payment_code: "1234" };
    const data = await create(body);
    expect(data).toMatchObject({ payment_code: "1234", va_number: "8890800000001234" });
  });
});

describe("VA validation", () => {
  it("answers 422 per invalid field, with Laravel's messages", async () => {
    const res = await send(url("/v1/virtual-account"), {
      ...vaBody(uniqueRef("bad")),
      expected_amount: 5000,
      bank: "bca",
      expired_at: "2001-01-01T00:00:00+07:00",
      payment_code: "12ab",
    });
    expect(res.status).toBe(422);
    expect(res.body.error?.fields).toEqual({
      expected_amount: ["The expected amount must be at least 10000."],
      bank: ["The selected bank is invalid."],
      expired_at: ["The expired at must be a date after now."],
      payment_code: ["The payment code must be at most 11 digits."],
    });
  });

  it("accepts a numeric-string amount and rejects a fractional one", async () => {
    const ok = await create({ ...vaBody(uniqueRef("str")), expected_amount: "20000" });
    expect(ok.amount).toBe("20000.0000");
    const bad = await send(url("/v1/virtual-account"), {
      ...vaBody(uniqueRef("frac")),
      expected_amount: "20000.50",
    });
    expect(bad.body.error?.fields).toEqual({
      expected_amount: ["The expected amount must be an integer."],
    });
  });
});

describe("POST /v1/virtual-account/cancel/{uuid}", () => {
  const cancel = (uuid: unknown) => send(url(`/v1/virtual-account/cancel/${String(uuid)}`), {});

  it("cancels an active VA, answers the seen fields and sends a CANCELLED callback", async () => {
    const reference = uniqueRef("cancel");
    const va = await create(vaBody(reference, "BNI"));
    const res = await cancel(va.uuid);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 200,
      success: true,
      data: {
        uuid: va.uuid,
        external_id: reference,
        va_number: va.va_number,
        message: "Virtual account cancelled.",
      },
    });
    const inquiry = await read(url(`/v1/virtual-account/inquiry/${String(va.uuid)}`));
    expect((inquiry.body.data as Data).status).toBe("CANCELLED");
    const [callback] = await emulator.callbacksFor(String(va.uuid));
    expect(JSON.parse(String(callback?.body))).toMatchObject({
      status: "CANCELLED",
      event: { type: "virtual-account", channel: "BNI" },
    });

    // A repeated cancel answers the same and sends nothing more.
    expect((await cancel(va.uuid)).body).toEqual(res.body);
    const { deliveries } = await getJson<{ deliveries: Delivery[] }>(
      url(`/control/deliveries?uuid=${String(va.uuid)}`),
    );
    expect(deliveries).toHaveLength(1);
    expect((await postJson(url(`/control/transactions/${String(va.uuid)}/pay`), {})).status).toBe(
      409,
    );
  });

  it("refuses to cancel a paid VA with 422, and answers 404 for an unknown one", async () => {
    const va = await create(vaBody(uniqueRef("paid")));
    await postJson(url(`/control/transactions/${String(va.uuid)}/pay`), {});
    const paid = await cancel(va.uuid);
    expect(paid.status).toBe(422);
    expect(paid.body.error?.message).toContain("it is PAID");
    expect((await cancel("00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});
