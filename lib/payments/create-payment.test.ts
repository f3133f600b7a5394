import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/purwantara/route";
import { callbackBody, callbackRequest } from "@/testing/callbacks";
import { queryTestDb } from "@/testing/database";
import { withGatewayTestbed } from "@/testing/gateway-testbed";
import { paymentLink, type PaymentLinkForm } from "@/channels/payment-link/server";
import { createPayment } from "./create-payment";

const { db, emulator, control, rowOf, user } = withGatewayTestbed({ email: "op@example.com" });

const form = (overrides: Partial<PaymentLinkForm> = {}): PaymentLinkForm => ({
  idempotencyKey: randomUUID(),
  title: "Tenun ikat",
  amount: 75000n,
  description: null,
  expiresAt: new Date(Date.now() + 86_400_000),
  returnUrl: null,
  ...overrides,
});

describe("createPayment (payment link)", () => {
  it("stores the row first, then completes it with the gateway's answer", async () => {
    const result = await createPayment(paymentLink, form(), user());
    expect(result.ok).toBe(true);
    const row = await rowOf(result.transaction.id);
    expect(row).toMatchObject({
      state: "active",
      raw_status: "ACTIVE",
      amount: "75000.0000",
      created_by: user().id,
    });
    expect(String(row?.payment_link_url)).toContain(
      `/share/payment-links/${String(row?.purwantara_uuid)}`,
    );
    const remote = await fetch(
      `${emulator.baseUrl()}/control/transactions/${String(row?.purwantara_uuid)}`,
    );
    expect(await remote.json()).toMatchObject({
      transaction: { external_id: row?.external_id, amount: "75000.0000" },
    });
    const events = await queryTestDb(
      db.url(),
      "select source, from_state, to_state from transaction_events where transaction_id = $1",
      [result.transaction.id],
    );
    expect(events).toEqual([{ source: "api", from_state: "creating", to_state: "active" }]);
  });

  it("makes one payment for a form submitted twice", async () => {
    const once = form();
    const [first, second] = await Promise.all([
      createPayment(paymentLink, once, user()),
      createPayment(paymentLink, once, user()),
    ]);
    expect(first.transaction.id).toBe(second.transaction.id);
    const remote = (await (await fetch(`${emulator.baseUrl()}/control/transactions`)).json()) as {
      transactions: { external_id: string }[];
    };
    expect(
      remote.transactions.filter((t) => t.external_id === first.transaction.externalId),
    ).toHaveLength(1);
  });

  it("records a refusal on the row with the gateway's field errors", async () => {
    const result = await createPayment(paymentLink, form({ amount: 500n }), user());
    expect(result.ok).toBe(false);
    const row = await rowOf(result.transaction.id);
    expect(row).toMatchObject({ state: "failed_to_create", error_code: "VALIDATION_ERROR" });
    expect((row?.error_fields as Record<string, string[]>).amount?.[0]).toMatch(/at least 1000/);
  });

  it("records a refusal that is not about a field as a failure with its status", async () => {
    await control("fail-next", { count: 1, status: 402 });
    const result = await createPayment(paymentLink, form(), user());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind: "refused", httpStatus: 402, outcomeUnknown: false });
    expect(await rowOf(result.transaction.id)).toMatchObject({ state: "failed_to_create" });
  });

  it("records a gateway outage as unconfirmed: a 5xx may follow a create that worked", async () => {
    await control("fail-next", { count: 1, status: 503 });
    const result = await createPayment(paymentLink, form(), user());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind: "gateway", httpStatus: 503, outcomeUnknown: true });
    expect(await rowOf(result.transaction.id)).toMatchObject({
      state: "unconfirmed",
      error_code: "SERVER_ERROR",
    });
  });

  it("on a timeout, says the link may exist; the callback then brings the row back", async () => {
    await control("latency", { ms: 1500 });
    const result = await createPayment(
      paymentLink,
      form({ title: "Slow gateway" }),
      user(),
    ).finally(() => control("latency", { ms: 0 }));
    expect(result.ok).toBe(false);
    const row = await rowOf(result.transaction.id);
    expect(row).toMatchObject({ state: "unconfirmed", error_code: "TIMEOUT" });
    expect(String(row?.error_message)).toMatch(
      /^No clear answer from Purwantara \(Purwantara did not answer within 1 s\); it may still have created the payment$/,
    );

    // The gateway did create it; its PAID callback finds the row by our external_id.
    const remote = (await (await fetch(`${emulator.baseUrl()}/control/transactions`)).json()) as {
      transactions: { uuid: string; external_id: string }[];
    };
    const made = remote.transactions.find((t) => t.external_id === row?.external_id);
    expect(made).toBeDefined();
    const body = callbackBody({
      uuid: made!.uuid,
      external_id: made!.external_id,
      status: "PAID",
      amount: "75000.0000",
    });
    const response = await POST(callbackRequest(body));
    expect(await response.json()).toEqual({ ok: true, outcome: "applied" });
    expect(await rowOf(result.transaction.id)).toMatchObject({
      state: "paid",
      purwantara_uuid: made!.uuid,
      error_code: null,
    });
  });

  it("folds in a row that a callback without external_id made before the create answer", async () => {
    await control("latency", { ms: 600 });
    const pending = createPayment(paymentLink, form({ title: "Raced by its callback" }), user());
    const made = await waitFor(async () => {
      const list = (await (await fetch(emulator.url("/control/transactions"))).json()) as {
        transactions: { uuid: string; title: string }[];
      };
      return list.transactions.find((t) => t.title === "Raced by its callback");
    });
    const early = await POST(
      callbackRequest(callbackBody({ uuid: made.uuid, external_id: null, status: "PAID" })),
    );
    expect(await early.json()).toEqual({ ok: true, outcome: "unmatched" });
    const result = await pending.finally(() => control("latency", { ms: 0 }));
    expect(result.ok).toBe(true);
    const rows = await queryTestDb<Record<string, unknown>>(
      db.url(),
      "select id, state, created_by from transactions where purwantara_uuid = $1",
      [made.uuid],
    );
    expect(rows).toEqual([{ id: result.transaction.id, state: "paid", created_by: user().id }]);
    const deliveries = await queryTestDb(
      db.url(),
      "select transaction_id from webhook_deliveries where purwantara_uuid = $1",
      [made.uuid],
    );
    expect(deliveries).toEqual([{ transaction_id: result.transaction.id }]);
  });
});

async function waitFor<T>(find: () => Promise<T | undefined>, ms = 3000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = await find();
    if (found) return found;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 25));
  }
}
