import "server-only";
import { and, asc, count, desc, eq, isNull, sql, sum } from "drizzle-orm";
import { getQuickDb, type DbOrTx } from "../client";
import { callbackQuarantine } from "../schema";

/**
 * Keeps unverified deliveries whole, then drops the oldest of the last hour beyond
 * `maxBytesPerHour` (and anything older than `keepDays`); the number dropped.
 */
export async function insertQuarantined(
  entries: { deliveryId: string | null; headers: Record<string, string>; rawBody: Buffer }[],
  bounds: { maxBytesPerHour: number; keepDays: number },
): Promise<number> {
  const db = getQuickDb();
  await db
    .insert(callbackQuarantine)
    .values(entries.map((e) => ({ ...e, bytes: e.rawBody.length })));
  const trimmed = await db.execute(sql`
    delete from ${callbackQuarantine} where id in (
      select id from (
        select id, sum(bytes) over (order by received_at desc, id desc) as newer_bytes
        from ${callbackQuarantine}
        where received_at > now() - interval '1 hour' and released_at is null
      ) r where newer_bytes > ${bounds.maxBytesPerHour}
    ) or received_at < now() - ${`${bounds.keepDays} days`}::interval`);
  return trimmed.rowCount ?? 0;
}

/** Quarantined deliveries not yet released, oldest first. */
export async function listQuarantined(db: DbOrTx, limit: number) {
  return db
    .select()
    .from(callbackQuarantine)
    .where(isNull(callbackQuarantine.releasedAt))
    .orderBy(asc(callbackQuarantine.receivedAt))
    .limit(limit);
}

/** The newest unreleased quarantined deliveries, for the callback log. */
export async function listRecentQuarantined(db: DbOrTx, limit: number) {
  return db
    .select({
      id: callbackQuarantine.id,
      receivedAt: callbackQuarantine.receivedAt,
      deliveryId: callbackQuarantine.deliveryId,
      bytes: callbackQuarantine.bytes,
    })
    .from(callbackQuarantine)
    .where(isNull(callbackQuarantine.releasedAt))
    .orderBy(desc(callbackQuarantine.receivedAt))
    .limit(limit);
}

export async function quarantineTotals(db: DbOrTx): Promise<{ count: number; bytes: number }> {
  const [row] = await db
    .select({ count: count(), bytes: sum(callbackQuarantine.bytes) })
    .from(callbackQuarantine)
    .where(isNull(callbackQuarantine.releasedAt));
  return { count: Number(row?.count ?? 0), bytes: Number(row?.bytes ?? 0) };
}

/** Marks a quarantined delivery released into the inbox (or found already there). */
export async function releaseQuarantined(db: DbOrTx, id: string, inboxId: string | null) {
  await db
    .update(callbackQuarantine)
    .set({ releasedAt: sql`now()`, inboxId })
    .where(and(eq(callbackQuarantine.id, id), isNull(callbackQuarantine.releasedAt)));
}
