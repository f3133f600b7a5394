import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "../client";
import { webhookDeliveries, type NewWebhookDelivery } from "../schema";

/**
 * Runs `fn` in one database transaction that holds a lock on the delivery id, so
 * two copies of the same delivery arriving together are applied once.
 */
export async function withDeliveryLock<T>(
  deliveryId: string | null,
  fn: (tx: DbOrTx) => Promise<T>,
): Promise<T> {
  return getDb().transaction(async (tx) => {
    if (deliveryId) {
      await tx.execute(
        sql`select pg_advisory_xact_lock(hashtext(${`ppn-delivery:${deliveryId}`}))`,
      );
    }
    return fn(tx);
  });
}

export async function isDeliveryProcessed(tx: DbOrTx, deliveryId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.deliveryId, deliveryId),
        inArray(webhookDeliveries.outcome, ["applied", "stale", "unmatched"]),
      ),
    )
    .limit(1);
  return Boolean(row);
}

export async function insertDelivery(
  values: NewWebhookDelivery,
  tx: DbOrTx = getDb(),
): Promise<string> {
  const [row] = await tx
    .insert(webhookDeliveries)
    .values(values)
    .returning({ id: webhookDeliveries.id });
  if (!row) throw new Error("insert returned no delivery");
  return row.id;
}
