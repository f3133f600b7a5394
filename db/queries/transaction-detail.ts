import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "../client";
import { users, webhookDeliveries } from "../schema";

/** Every callback delivery recorded for one transaction, oldest first (bodies not read). */
export async function listDeliveriesForTransaction(transactionId: string) {
  return getDb()
    .select({
      id: webhookDeliveries.id,
      deliveryId: webhookDeliveries.deliveryId,
      receivedAt: webhookDeliveries.receivedAt,
      outcome: webhookDeliveries.outcome,
      reason: webhookDeliveries.reason,
      rawStatus: webhookDeliveries.rawStatus,
      replayOf: webhookDeliveries.replayOf,
      resolution: webhookDeliveries.resolution,
    })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.transactionId, transactionId))
    .orderBy(asc(webhookDeliveries.receivedAt), asc(webhookDeliveries.id));
}

export type DeliverySummary = Awaited<ReturnType<typeof listDeliveriesForTransaction>>[number];

/** A person's name and email, for "created by". */
export async function getUserName(id: string): Promise<{ name: string; email: string } | null> {
  const [row] = await getDb()
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, id));
  return row ?? null;
}
