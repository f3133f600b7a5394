import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { callbackBody, callbackRequest } from "@/lib/testing/callbacks";
import { withTestDatabase } from "@/lib/testing/database";
import { webhookRecords } from "@/lib/testing/webhook-records";
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
  it("answers 503 within 2 s while another session holds the transaction's row", async () => {
    const t = await records.seedTransaction();
    const deliveryId = randomUUID();
    const body = callbackBody({ uuid: t.uuid, status: "PAID" });
    const { response, ms } = await whileLocked(
      "select 1 from transactions where id = $1 for update",
      [t.id],
      () => timedPost(body, deliveryId),
    );
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ ok: false, error: "temporarily unavailable" });
    expect(ms).toBeLessThan(2000);
    expect(await records.deliveries(deliveryId)).toEqual([]);
    expect(await records.transaction(t.id)).toMatchObject({ state: "active" });
    // Purwantara's retry, once the lock is gone, applies it.
    const retry = await POST(callbackRequest(body, { deliveryId }));
    expect(await retry.json()).toEqual({ ok: true, outcome: "applied" });
    expect(await records.transaction(t.id)).toMatchObject({ state: "paid" });
  });

  it("answers 503 within 2 s while the deliveries table is locked", async () => {
    const t = await records.seedTransaction();
    const deliveryId = randomUUID();
    const body = callbackBody({ uuid: t.uuid, status: "PAID" });
    const { response, ms } = await whileLocked(
      "lock table webhook_deliveries in access exclusive mode",
      [],
      () => timedPost(body, deliveryId),
    );
    expect(response.status).toBe(503);
    expect(ms).toBeLessThan(2000);
    expect(await records.transaction(t.id)).toMatchObject({ state: "active" });
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
