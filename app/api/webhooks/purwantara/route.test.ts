import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { callbackBody, callbackRequest } from "@/testing/callbacks";
import { queryTestDb, withTestDatabase } from "@/testing/database";
import { flushRejections } from "@/lib/webhooks/rejections";
import { POST } from "./route";

const db = withTestDatabase();
const q = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) =>
  queryTestDb<T>(db.url(), sql, params);

async function seedTransaction(state: string, withUuid = true) {
  const uuid = randomUUID();
  const externalId = `PWD-${randomUUID().slice(0, 8)}`;
  const [row] = await q<{ id: string }>(
    `insert into transactions (mode, channel, external_id, purwantara_uuid, title, amount, raw_status, state)
     values ('local', 'payment-link', $1, $2, 'Seeded', 10000, 'ACTIVE', $3) returning id`,
    [externalId, withUuid ? uuid : null, state],
  );
  return { id: row!.id, uuid, externalId };
}

const stateOf = async (id: string) =>
  (
    await q<{
      state: string;
      raw_status: string;
      paid_at: Date | null;
      purwantara_uuid: string | null;
    }>("select state, raw_status, paid_at, purwantara_uuid from transactions where id = $1", [id])
  )[0];

describe("POST /api/webhooks/purwantara", () => {
  it("applies a signed PAID callback: status, event and delivery in one go", async () => {
    const t = await seedTransaction("active");
    const deliveryId = randomUUID();
    const body = callbackBody({ uuid: t.uuid, external_id: t.externalId, status: "PAID" });
    expect(body.toString()).toContain("\\/"); // PHP bytes, as signed
    const response = await POST(callbackRequest(body, { deliveryId }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, outcome: "applied" });
    const row = await stateOf(t.id);
    expect(row).toMatchObject({ state: "paid", raw_status: "PAID" });
    expect(row?.paid_at?.toISOString()).toBe("2026-11-23T05:00:00.123Z");
    const events = await q(
      "select source, from_state, to_state from transaction_events where transaction_id = $1",
      [t.id],
    );
    expect(events).toEqual([{ source: "webhook", from_state: "active", to_state: "paid" }]);
    const [delivery] = await q<{ outcome: string; signature_valid: boolean; raw_body: Buffer }>(
      "select outcome, signature_valid, raw_body from webhook_deliveries where delivery_id = $1",
      [deliveryId],
    );
    expect(delivery).toMatchObject({ outcome: "applied", signature_valid: true });
    expect(delivery?.raw_body.equals(body)).toBe(true);
  });

  it("answers 401 to a bad signature, counts it, stores no delivery, and changes nothing", async () => {
    const t = await seedTransaction("active");
    const deliveryId = randomUUID();
    const body = callbackBody({ uuid: t.uuid, status: "PAID" });
    const response = await POST(callbackRequest(body, { deliveryId, secret: "not-the-secret" }));
    expect(response.status).toBe(401);
    expect((await stateOf(t.id))?.state).toBe("active");
    const missing = await POST(callbackRequest(body, { signature: null }));
    expect(missing.status).toBe(401);
    await flushRejections();
    expect(
      await q("select 1 from webhook_deliveries where delivery_id = $1", [deliveryId]),
    ).toEqual([]);
    const counts = await q<{ reason: string; n: number }>(
      "select reason, sum(count)::int as n from callback_rejections group by reason order by reason",
    );
    expect(counts).toEqual([
      { reason: "bad_signature", n: 1 },
      { reason: "no_signature", n: 1 },
    ]);
  });

  it("answers a repeated delivery with 200 and applies it once", async () => {
    const t = await seedTransaction("active");
    const deliveryId = randomUUID();
    const body = callbackBody({ uuid: t.uuid, status: "PAID" });
    const first = await POST(callbackRequest(body, { deliveryId }));
    const again = await POST(callbackRequest(body, { deliveryId }));
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(await again.json()).toEqual({ ok: true, outcome: "duplicate" });
    const events = await q("select 1 from transaction_events where transaction_id = $1", [t.id]);
    expect(events).toHaveLength(1);
    const outcomes = await q<{ outcome: string; reason: string }>(
      "select outcome, reason from webhook_deliveries where delivery_id = $1 order by received_at",
      [deliveryId],
    );
    expect(outcomes.map((r) => r.outcome)).toEqual(["applied", "duplicate"]);
    expect(outcomes[1]?.reason).toBe(`delivery ${deliveryId} was already received`);
  });

  it("applies the same delivery once when copies arrive at the same time", async () => {
    const t = await seedTransaction("active");
    const deliveryId = randomUUID();
    const body = callbackBody({ uuid: t.uuid, status: "PAID" });
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => POST(callbackRequest(body, { deliveryId }))),
    );
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const outcomes = await q<{ outcome: string }>(
      "select outcome from webhook_deliveries where delivery_id = $1",
      [deliveryId],
    );
    expect(outcomes.filter((r) => r.outcome === "applied")).toHaveLength(1);
    expect(outcomes.filter((r) => r.outcome === "duplicate")).toHaveLength(4);
  });

  it("answers 400 to a signed body that is not JSON, and records it", async () => {
    const deliveryId = randomUUID();
    const response = await POST(callbackRequest(Buffer.from("status=PAID&uuid=x"), { deliveryId }));
    expect(response.status).toBe(400);
    const rows = await q("select outcome, reason from webhook_deliveries where delivery_id = $1", [
      deliveryId,
    ]);
    expect(rows).toEqual([{ outcome: "rejected", reason: "body is not JSON" }]);
  });

  it("answers 400 to signed JSON that is not a callback", async () => {
    const response = await POST(callbackRequest(Buffer.from('{"hello":"world"}')));
    expect(response.status).toBe(400);
  });

  it("ignores a late ACTIVE after PAID as stale", async () => {
    const t = await seedTransaction("active");
    await POST(callbackRequest(callbackBody({ uuid: t.uuid, status: "PAID" })));
    const late = await POST(callbackRequest(callbackBody({ uuid: t.uuid, status: "ACTIVE" })));
    expect(await late.json()).toEqual({ ok: true, outcome: "stale" });
    expect((await stateOf(t.id))?.state).toBe("paid");
  });

  it("finds a row by external_id when the callback beats the create response", async () => {
    const t = await seedTransaction("creating", false);
    const response = await POST(
      callbackRequest(callbackBody({ uuid: t.uuid, external_id: t.externalId })),
    );
    expect(await response.json()).toEqual({ ok: true, outcome: "applied" });
    expect(await stateOf(t.id)).toMatchObject({ state: "paid", purwantara_uuid: t.uuid });
  });

  it("records a payment made outside the dashboard as a new transaction", async () => {
    const uuid = randomUUID();
    const response = await POST(
      callbackRequest(callbackBody({ uuid, external_id: null, title: "Made in Purwantara" })),
    );
    expect(await response.json()).toEqual({ ok: true, outcome: "unmatched" });
    const rows = await q(
      "select title, amount, state, channel from transactions where purwantara_uuid = $1",
      [uuid],
    );
    expect(rows).toEqual([
      { title: "Made in Purwantara", amount: "10000.0000", state: "paid", channel: "payment-link" },
    ]);
  });

  it("holds an unknown status for review without moving the lifecycle", async () => {
    const t = await seedTransaction("paid");
    const deliveryId = randomUUID();
    const response = await POST(
      callbackRequest(callbackBody({ uuid: t.uuid, status: "REFUND_PENDING" }), { deliveryId }),
    );
    expect(await response.json()).toEqual({ ok: true, outcome: "needs_review" });
    expect(await stateOf(t.id)).toMatchObject({ state: "paid", raw_status: "ACTIVE" });
    const rows = await q(
      "select outcome, reason, raw_status, transaction_id from webhook_deliveries where delivery_id = $1",
      [deliveryId],
    );
    expect(rows).toEqual([
      {
        outcome: "needs_review",
        reason: 'unknown status "REFUND_PENDING"',
        raw_status: "REFUND_PENDING",
        transaction_id: t.id,
      },
    ]);
  });

  it("keeps the first 1 KiB of an unsigned body in a sample, never a delivery row", async () => {
    const deliveryId = randomUUID();
    const junk = Buffer.alloc(100 * 1024, 0x61);
    expect((await POST(callbackRequest(junk, { deliveryId, signature: null }))).status).toBe(401);
    await flushRejections();
    expect(
      await q("select 1 from webhook_deliveries where delivery_id = $1", [deliveryId]),
    ).toEqual([]);
    const samples = await q<{ n: number; body_bytes: number; headers: Record<string, string> }>(
      `select length(body_start) as n, body_bytes, headers from callback_rejection_samples
       where headers->>'x-ppn-delivery' = $1`,
      [deliveryId],
    );
    expect(samples).toMatchObject([{ n: 1024, body_bytes: 100 * 1024 }]);
  });

  it("refuses a body over the size cap with 413, and counts it", async () => {
    const response = await POST(callbackRequest(Buffer.alloc(300 * 1024, 0x20)));
    expect(response.status).toBe(413);
    await flushRejections();
    const [row] = await q<{ n: number }>(
      "select sum(count)::int as n from callback_rejections where reason = 'too_large'",
    );
    expect(row?.n).toBe(1);
  });
});
