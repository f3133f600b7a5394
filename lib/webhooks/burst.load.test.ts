import { afterAll, describe, expect, it } from "vitest";
import {
  sendBurst,
  startCallbackProcess,
  unknownPayments,
  type CallbackProcess,
  type Delivery,
} from "@/testing/callback-fleet";
import { withTestDatabase } from "@/testing/database";
import { webhookRecords } from "@/testing/webhook-records";

const db = withTestDatabase();
const records = webhookRecords(db.url);
const started: CallbackProcess[] = [];
afterAll(async () => {
  await Promise.all(started.map((p) => p.stop()));
});

async function processes(n: number): Promise<CallbackProcess[]> {
  const list = await Promise.all(Array.from({ length: n }, () => startCallbackProcess(db.url())));
  started.push(...list);
  return list;
}

/**
 * Purwantara's schedule, the second wait shortened (10 s and 100 s in life): a try that
 * times out on a busy machine is tried again, as it would be.
 */
const schedule = { timeoutMs: 3000, waitsMs: [10_000, 30_000] };

async function pendingInInbox(): Promise<number> {
  const [row] = await records.q<{ n: number }>(
    "select count(*)::int as n from callback_inbox where applied_at is null",
  );
  return row!.n;
}

/** Each delivery's payment is recorded exactly once, by exactly one applied delivery row. */
async function expectRecordedOnce(deliveries: readonly Delivery[]) {
  await expect.poll(pendingInInbox, { timeout: 60_000, interval: 500 }).toBe(0);
  const uuids = deliveries.map((d) => d.uuid);
  const [rows] = await records.q<{ rows: number; distinct: number; paid: number }>(
    `select count(*)::int as rows, count(distinct purwantara_uuid)::int as distinct,
            count(*) filter (where state = 'paid')::int as paid
       from transactions where purwantara_uuid = any($1::text[])`,
    [uuids],
  );
  expect(rows).toEqual({ rows: uuids.length, distinct: uuids.length, paid: uuids.length });
  const [recorded] = await records.q<{ n: number }>(
    `select count(*)::int as n from webhook_deliveries
      where delivery_id = any($1::text[]) and outcome = 'unmatched'`,
    [deliveries.map((d) => d.deliveryId)],
  );
  expect(recorded).toEqual({ n: uuids.length });
}

describe("a burst of payments nobody holds yet, across two app processes", () => {
  it("records all 1,000 once at concurrency 100: no 503 while PostgreSQL is up", async () => {
    const fleet = await processes(2);
    const deliveries = unknownPayments(1000);
    const result = await sendBurst(deliveries, () => fleet.map((p) => p.port), 100, schedule);
    expect(result.statuses[503] ?? 0).toBe(0);
    await expectRecordedOnce(deliveries);
  }, 180_000);

  it("a process killed mid-burst loses nothing: what it took is applied by the other, once", async () => {
    const [doomed, survivor] = await processes(2);
    let alive = [doomed!.port, survivor!.port];
    const deliveries = unknownPayments(400);
    const burst = sendBurst(deliveries, () => alive, 50, schedule);
    // Once the inbox has taken some, the first process dies without a word.
    const ids = deliveries.map((d) => d.deliveryId);
    const taken = async () =>
      (await records.q("select 1 from callback_inbox where delivery_id = any($1::text[])", [ids]))
        .length;
    await expect.poll(taken, { timeout: 30_000, interval: 20 }).toBeGreaterThan(100);
    doomed!.child.kill("SIGKILL");
    alive = [survivor!.port];
    const result = await burst;
    expect(result.statuses[503] ?? 0).toBe(0);
    await expectRecordedOnce(deliveries);
  }, 180_000);
});
