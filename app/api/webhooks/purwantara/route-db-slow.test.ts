import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { callbackBody, callbackRequest } from "@/testing/callbacks";
import { withTestDatabase } from "@/testing/database";
import { webhookRecords } from "@/testing/webhook-records";
import { POST } from "./route";

const db = withTestDatabase();
const records = webhookRecords(db.url);

/** Holds `sql`'s locks in another session's open transaction while `fn` runs. */
async function whileLocked<T>(sql: string, params: unknown[], fn: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: db.url() });
  await client.connect();
  try {
    await client.query("begin");
    await client.query(sql, params);
    return await fn();
  } finally {
    await client.query("rollback");
    await client.end();
  }
}

async function timedPost(body: Buffer, deliveryId: string) {
  const started = performance.now();
  const response = await POST(callbackRequest(body, { deliveryId }));
  return { response, ms: performance.now() - started };
}

describe("POST /api/webhooks/purwantara with a slow database", () => {
  it("answers 200 within 2 s while another session holds the row; applies it once the lock is gone", async () => {
    const t = await records.seedTransaction();
    const deliveryId = randomUUID();
    const body = callbackBody({ uuid: t.uuid, status: "PAID" });
    const { response, ms } = await whileLocked(
      "select 1 from transactions where id = $1 for update",
      [t.id],
      () => timedPost(body, deliveryId),
    );
    // On disk before it is answered: a busy row is never a reason to refuse a payment.
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, outcome: "received" });
    expect(ms).toBeLessThan(2000);
    const [inbox] = await records.q(
      "select count(*)::int as n from callback_inbox where delivery_id = $1",
      [deliveryId],
    );
    expect(inbox).toEqual({ n: 1 });
    await expect
      .poll(() => records.transaction(t.id), { timeout: 15_000 })
      .toMatchObject({ state: "paid" });
    expect(await records.deliveries(deliveryId)).toMatchObject([{ outcome: "applied" }]);
    // Purwantara's retry changes nothing more.
    const retry = await POST(callbackRequest(body, { deliveryId }));
    expect(await retry.json()).toEqual({ ok: true, outcome: "duplicate" });
    expect(
      await records.q(
        "select count(*)::int as n from transaction_events where transaction_id = $1 and source = 'webhook'",
        [t.id],
      ),
    ).toEqual([{ n: 1 }]);
  });

  it("answers 200 within 2 s while the deliveries table is locked; applies it afterwards", async () => {
    const t = await records.seedTransaction();
    const deliveryId = randomUUID();
    const body = callbackBody({ uuid: t.uuid, status: "PAID" });
    const { response, ms } = await whileLocked(
      "lock table webhook_deliveries in access exclusive mode",
      [],
      () => timedPost(body, deliveryId),
    );
    // The inbox took it: the log's table being busy is no reason to refuse a payment.
    expect(response.status).toBe(200);
    expect(ms).toBeLessThan(2000);
    await expect
      .poll(() => records.transaction(t.id), { timeout: 15_000 })
      .toMatchObject({ state: "paid" });
  });

  it("still answers 401 within 2 s to an unsigned request while the table is locked", async () => {
    const started = performance.now();
    const response = await whileLocked(
      "lock table webhook_deliveries in access exclusive mode",
      [],
      () => POST(callbackRequest(callbackBody({}), { signature: null })),
    );
    expect(response.status).toBe(401);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
