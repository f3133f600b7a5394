import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { transactionWithin, type DbOrTx, type TransactionLimits } from "../client";
import { webhookDeliveries, type DeliveryOutcome, type NewWebhookDelivery } from "../schema";

/**
 * Purwantara gives up after 3 s: the route answers within 2 s whatever the database
 * does. Applying gets most of that; recording a failure what is left.
 */
const applyLimits: TransactionLimits = {
  deadlineMs: 1200,
  statementTimeoutMs: 800,
  lockTimeoutMs: 600,
};
const recordLimits: TransactionLimits = {
  deadlineMs: 600,
  statementTimeoutMs: 400,
  lockTimeoutMs: 300,
};

/** Outcomes after which a delivery id counts as handled: a retry of it is not applied again. */
const handledOutcomes: DeliveryOutcome[] = ["applied", "stale", "unmatched", "needs_review"];

/**
 * Runs `fn` in one database transaction, within the webhook's time limits, that holds
 * a lock on the delivery id, so two copies of the same delivery arriving together are
 * applied once. Given `within` (a replay's open transaction), the lock is taken there.
 */
export async function withDeliveryLock<T>(
  deliveryId: string | null,
  within: DbOrTx | undefined,
  fn: (tx: DbOrTx) => Promise<T>,
): Promise<T> {
  const locked = async (tx: DbOrTx) => {
    if (deliveryId) {
      await tx.execute(
        sql`select pg_advisory_xact_lock(hashtext(${`ppn-delivery:${deliveryId}`}))`,
      );
    }
    return fn(tx);
  };
  return within ? locked(within) : transactionWithin(applyLimits, locked);
}

/** The first handled delivery with this id, and whether its raw body equals `rawBody`. */
export async function findHandledDelivery(
  tx: DbOrTx,
  deliveryId: string,
  rawBody: Buffer,
): Promise<{ id: string; sameBody: boolean } | null> {
  const [row] = await tx
    .select({
      id: webhookDeliveries.id,
      sameBody: sql<boolean>`${webhookDeliveries.rawBody} = ${rawBody}::bytea`,
    })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.deliveryId, deliveryId),
        inArray(webhookDeliveries.outcome, handledOutcomes),
      ),
    )
    .orderBy(asc(webhookDeliveries.receivedAt))
    .limit(1);
  return row ?? null;
}

export async function insertDelivery(values: NewWebhookDelivery, tx: DbOrTx): Promise<string> {
  const [row] = await tx
    .insert(webhookDeliveries)
    .values(values)
    .returning({ id: webhookDeliveries.id });
  if (!row) throw new Error("insert returned no delivery");
  return row.id;
}

/** Records one delivery on its own, within the time left after a failed apply. */
export async function recordDelivery(values: NewWebhookDelivery): Promise<string> {
  return transactionWithin(recordLimits, (tx) => insertDelivery(values, tx));
}
