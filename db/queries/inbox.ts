import "server-only";
import { createHash } from "node:crypto";
import { and, asc, count, eq, isNull, lte, min, sql } from "drizzle-orm";
import type { GatewayMode } from "@/lib/core/modes";
import { getQuickDb, type DbOrTx } from "../client";
import { callbackInbox, type CallbackInboxRow, type DeliveryOutcome } from "../schema";

export type InboxEntry = {
  mode: GatewayMode;
  deliveryId: string | null;
  headers: Record<string, string>;
  rawBody: Buffer;
  verifiedWith: string | null;
  /** Until then only the inline apply takes it; the drainers after (0: at once). */
  drainAfterMs: number;
};

/** The inbox insert: a new row, or none when these bytes are there already (a retry). */
export type Received = { inboxId: string; fresh: true } | { inboxId: null; fresh: false };

/**
 * Puts one verified delivery on disk, in one statement on the quick pool. The same
 * bytes under the same delivery id in one mode are already there: nothing is written.
 */
export async function insertInbox(entry: InboxEntry): Promise<Received> {
  const [row] = await getQuickDb()
    .insert(callbackInbox)
    .values({
      mode: entry.mode,
      deliveryId: entry.deliveryId,
      bodyHash: createHash("sha256").update(entry.rawBody).digest(),
      headers: entry.headers,
      rawBody: entry.rawBody,
      verifiedWith: entry.verifiedWith,
      nextAttemptAt: sql`now() + ${`${entry.drainAfterMs} milliseconds`}::interval`,
    })
    .onConflictDoNothing({
      target: [callbackInbox.mode, callbackInbox.deliveryId, callbackInbox.bodyHash],
      where: sql`${callbackInbox.deliveryId} is not null`,
    })
    .returning({ id: callbackInbox.id });
  return row ? { inboxId: row.id, fresh: true } : { inboxId: null, fresh: false };
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
