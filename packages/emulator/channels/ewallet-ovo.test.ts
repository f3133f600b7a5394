import { describe, expect, it } from "vitest";
import {
  read,
  send,
  uniqueRef,
  walletCallbackHead,
  type Body,
  type Data,
} from "../channel-test-kit";
import { describeChannelApi } from "../channel-test-suite";
import { postJson } from "@purwantara/emulator/testing";

/** The SDK's tests' and the uptime bot's field set. */
const ovoBody = (reference: string): Body => ({
  amount: 10000,
  customer_phone: "081234567890",
  customer_email: "budi@example.com",
  payment_channel: "OVO",
  external_id: reference,
  description: "Top up saldo",
});

const emulator = describeChannelApi({
  path: "/v1/ewallet/ovo",
  referenceField: "external_id",
  body: ovoBody,
  required: ["amount", "customer_phone", "payment_channel", "external_id"],
  createdKeys: ["uuid", "status", "customer_phone"],
  checkCreated: (data) => {
    expect(data).toMatchObject({ status: "ACTIVE", customer_phone: "081234567890" });
  },
  callback: {
    type: "ewallet",
    channel: "OVO",
    keys: [...walletCallbackHead, "customer_phone", "customer_email", "description", "created_at"],
  },
});
const { url } = emulator;

describe("OVO", () => {
  it("reports the phone the push went to in the callback's event.meta", async () => {
    const data = (await send(url("/v1/ewallet/ovo"), ovoBody(uniqueRef("meta")))).body.data as Data;
    await postJson(url(`/control/transactions/${String(data.uuid)}/pay`), {});
    const [callback] = await emulator.callbacksFor(String(data.uuid));
    expect(JSON.parse(String(callback?.body))).toMatchObject({
      event: { meta: { customer_phone: "081234567890" }, type: "ewallet", channel: "OVO" },
      amount: "10000.0000",
      description: "Top up saldo",
    });
  });

  it("has no inquiry endpoint, as Purwantara publishes none", async () => {
    const data = (await send(url("/v1/ewallet/ovo"), ovoBody(uniqueRef("inq")))).body.data as Data;
    expect((await read(url(`/v1/ewallet/ovo/inquiry/${String(data.uuid)}`))).status).toBe(404);
    expect((await read(url(`/v1/ewallet/ovo/${String(data.uuid)}`))).status).toBe(404);
  });

  it("answers 422 for a wrong phone and a channel in the wrong case", async () => {
    const res = await send(url("/v1/ewallet/ovo"), {
      ...ovoBody(uniqueRef("bad")),
      customer_phone: "0212345678",
      payment_channel: "ovo",
    });
    expect(res.status).toBe(422);
    expect(res.body.error?.fields).toEqual({
      customer_phone: [
        "The customer phone must be an Indonesian mobile number, like 081234567890.",
      ],
      payment_channel: ["The selected payment channel is invalid."],
    });
  });
});
