import "server-only";
import { createHash } from "node:crypto";
import { and, asc, count, eq, isNull, lte, min, sql } from "drizzle-orm";
import type { GatewayMode } from "@/lib/purwantara/contract";
import { getQuickDb, type DbOrTx } from "../client";
import {
  callbackInbox,
  webhookDeliveries,
  type CallbackInboxRow,
  type DeliveryOutcome,
} from "../schema";

export type InboxEntry = {
  mode: GatewayMode;
  deliveryId: string | null;
  headers: Record<string, string>;
  rawBody: Buffer;
  verifiedWith: string | null;
  /** For the duplicate's own delivery row, should these bytes be in the inbox already. */
  purwantaraUuid: string;
  rawStatus: string;
  duplicateReason: string;
  /** Until then only the inline apply takes it; the drainers after (0: at once). */
  drainAfterMs: number;
};

/** The inbox insert: a new row, or the row these bytes already have (a retry). */
export type Received = { inboxId: string; fresh: true } | { inboxId: null; fresh: false };

/**
 * Puts one verified delivery on disk, in one statement on the quick pool. The same
 * bytes under the same delivery id in one mode are already there: then a `duplicate`
 * delivery row is written instead (every HTTP delivery leaves a row), and nothing else.
 */
export async function insertInbox(entry: InboxEntry): Promise<Received> {
  const db = getQuickDb();
  const bodyHash = createHash("sha256").update(entry.rawBody).digest();
  const headers = JSON.stringify(entry.headers);
  const result = await db.execute<{ inbox_id: string | null }>(sql`
    with ins as (
      insert into ${callbackInbox} (mode, delivery_id, body_hash, headers, raw_body, verified_with, next_attempt_at)
      values (${entry.mode}::gateway_mode, ${entry.deliveryId}::text, ${bodyHash}::bytea, ${headers}::jsonb,
              ${entry.rawBody}::bytea, ${entry.verifiedWith}::text,
              now() + ${`${entry.drainAfterMs} milliseconds`}::interval)
      on conflict (mode, delivery_id, body_hash) where delivery_id is not null do nothing
      returning id
    ),
    dup as (
      insert into ${webhookDeliveries}
        (delivery_id, headers, raw_body, signature_valid, outcome, reason, purwantara_uuid, raw_status, mode, verified_with)
      select ${entry.deliveryId}::text, ${headers}::jsonb, ${entry.rawBody}::bytea, true,
             'duplicate'::delivery_outcome, ${entry.duplicateReason}::text, ${entry.purwantaraUuid}::text,
             ${entry.rawStatus}::text, ${entry.mode}::gateway_mode, ${entry.verifiedWith}::text
      where not exists (select 1 from ins)
    )
    select (select id from ins) as inbox_id`);
  const inboxId = result.rows[0]?.inbox_id ?? null;
  return inboxId ? { inboxId, fresh: true } : { inboxId: null, fresh: false };
}

/**
 * Takes one unapplied inbox row for this transaction to apply, locked until it ends:
 * the given one, or the oldest due. Rows another apply holds are skipped, so any
 * number of processes drain the inbox together, each row once.
 */
export async function claimInbox(tx: DbOrTx, id: string | null): Promise<CallbackInboxRow | null> {
  const [row] = await tx
    .select()
    .from(callbackInbox)
    .where(
      id
        ? and(eq(callbackInbox.id, id), isNull(callbackInbox.appliedAt))
        : and(isNull(callbackInbox.appliedAt), lte(callbackInbox.nextAttemptAt, sql`now()`)),
    )
    .orderBy(asc(callbackInbox.receivedAt))
    .limit(1)
    .for("update", { skipLocked: true });
  return row ?? null;
}

/** Marks a claimed row applied, in the apply's own transaction. */
export async function finishInbox(
  tx: DbOrTx,
  id: string,
  outcome: DeliveryOutcome,
  deliveryRowId: string | null,
): Promise<void> {
  await tx
    .update(callbackInbox)
    .set({ appliedAt: sql`now()`, outcome, deliveryRowId })
    .where(eq(callbackInbox.id, id));
}

/** An apply that could not run (the database was away): tried again after `delayMs`. */
export async function postponeInbox(
  db: DbOrTx,
  id: string,
  error: string,
  delayMs: number,
): Promise<void> {
  await db
    .update(callbackInbox)
    .set({
      attempts: sql`${callbackInbox.attempts} + 1`,
      lastError: error.slice(0, 500),
      nextAttemptAt: sql`now() + ${`${Math.round(delayMs)} milliseconds`}::interval`,
    })
    .where(and(eq(callbackInbox.id, id), isNull(callbackInbox.appliedAt)));
}

/** How many deliveries wait to be applied, and since when: for the health panel. */
export async function inboxDepth(db: DbOrTx): Promise<{ pending: number; oldestAt: Date | null }> {
  const [row] = await db
    .select({ pending: count(), oldestAt: min(callbackInbox.receivedAt) })
    .from(callbackInbox)
    .where(isNull(callbackInbox.appliedAt));
  return { pending: Number(row?.pending ?? 0), oldestAt: row?.oldestAt ?? null };
}

/** Unapplied deliveries of a mode, oldest first: the callback log's "received, not yet applied". */
export async function listPendingInbox(db: DbOrTx, mode: GatewayMode, limit = 50) {
  return db
    .select({
      id: callbackInbox.id,
      deliveryId: callbackInbox.deliveryId,
      receivedAt: callbackInbox.receivedAt,
      attempts: callbackInbox.attempts,
      lastError: callbackInbox.lastError,
    })
    .from(callbackInbox)
    .where(and(eq(callbackInbox.mode, mode), isNull(callbackInbox.appliedAt)))
    .orderBy(asc(callbackInbox.receivedAt))
    .limit(limit);
}
