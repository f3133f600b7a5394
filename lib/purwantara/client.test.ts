import { paymentLinkSchema } from "@/channels/payment-link/gateway";
import { describe, expect, it } from "vitest";
import { withEmulator } from "@purwantara/emulator/testing";
import { PurwantaraClient } from "./client";
import { localEmulatorToken } from "@purwantara/contract";
import { PurwantaraError } from "./errors";

const emulator = withEmulator();
const client = (token = localEmulatorToken, timeoutMs = 5000) =>
  new PurwantaraClient({ baseUrl: `${emulator.baseUrl()}/v1`, token, timeoutMs });
const link = {
  amount: 15000,
  title: "Kain songket",
  description: "One",
  expires_at: "2099-01-01T10:00:00+07:00",
};

async function failure(promise: Promise<unknown>): Promise<PurwantaraError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PurwantaraError);
  return error as PurwantaraError;
}

describe("PurwantaraClient against the emulator", () => {
  it("creates and reads a payment link through the envelope", async () => {
    const created = await client().post("payment-link", paymentLinkSchema, {
      ...link,
      external_id: "EXT-client-1",
    });
    expect(created.httpStatus).toBe(201);
    expect(created.data).toMatchObject({
      external_id: "EXT-client-1",
      status: "ACTIVE",
      amount: "15000.0000",
    });
    expect(created.data.payment_link_url).toBe(
      `${emulator.baseUrl()}/share/payment-links/${created.data.uuid}`,
    );
    const read = await client().get(`payment-link/${created.data.uuid}`, paymentLinkSchema);
    expect(read).toMatchObject({
      httpStatus: 200,
      data: { uuid: created.data.uuid, title: "Kain songket" },
    });
  });

  it("turns a 422 into a validation error with per-field messages", async () => {
    const error = await failure(
      client().post("payment-link", paymentLinkSchema, {
        ...link,
        amount: 10,
        external_id: "EXT-client-2",
      }),
    );
    expect(error).toMatchObject({ kind: "validation", httpStatus: 422, code: "VALIDATION_ERROR" });
    expect(error.fields.amount?.[0]).toMatch(/at least 1000/);
  });

  it("tells auth, not-found, conflict and gateway failures apart", async () => {
    expect(
      await failure(client("wrong-token").get(`payment-link/${"x"}`, paymentLinkSchema)),
    ).toMatchObject({
      kind: "auth",
      httpStatus: 401,
    });
    expect(
      await failure(client().get(`payment-link/${"no-such-uuid"}`, paymentLinkSchema)),
    ).toMatchObject({
      kind: "not_found",
      code: "NOT_FOUND",
    });
    await client().post("payment-link", paymentLinkSchema, {
      ...link,
      external_id: "EXT-client-dup",
    });
    const duplicate = await failure(
      client().post("payment-link", paymentLinkSchema, { ...link, external_id: "EXT-client-dup" }),
    );
    expect(duplicate).toMatchObject({ kind: "conflict", code: "DUPLICATE_EXTERNAL_ID" });
    await fetch(`${emulator.baseUrl()}/control/fail-next`, {
      method: "POST",
      body: JSON.stringify({ count: 1, status: 502 }),
    });
    const gateway = await failure(
      client().post("payment-link", paymentLinkSchema, { ...link, external_id: "EXT-client-3" }),
    );
    expect(gateway).toMatchObject({ kind: "gateway", httpStatus: 502, outcomeUnknown: true });
  });

  it("gives up after the timeout and says the outcome is unknown", async () => {
    await fetch(`${emulator.baseUrl()}/control/latency`, {
      method: "POST",
      body: JSON.stringify({ ms: 1500 }),
    });
    try {
      const error = await failure(
        client(localEmulatorToken, 300).get(`payment-link/${"x"}`, paymentLinkSchema),
      );
      expect(error).toMatchObject({ kind: "timeout", outcomeUnknown: true });
    } finally {
      await fetch(`${emulator.baseUrl()}/control/latency`, {
        method: "POST",
        body: JSON.stringify({ ms: 0 }),
      });
    }
  });

  it("reports an unreachable gateway as a network error", async () => {
    const offline = new PurwantaraClient({
      baseUrl: "http://127.0.0.1:9/v1/",
      token: "t",
      timeoutMs: 2000,
    });
    expect(await failure(offline.get(`payment-link/${"x"}`, paymentLinkSchema))).toMatchObject({
      kind: "network",
      outcomeUnknown: true,
    });
  });
});
