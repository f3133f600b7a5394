import "server-only";
import { and, asc, eq, ne, or } from "drizzle-orm";
import { getDb } from "../client";
import { transactions, users, webhookDeliveries, type Transaction } from "../schema";

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

/**
 * The other payments of this payment's bill (same external_id, other uuids: one bill at
 * two banks, a VA then a QRIS, a link's second payment), the bill's first one included.
 */
export async function listOtherBillPayments(t: Pick<Transaction, "id" | "mode" | "billId">) {
  const first = t.billId ?? t.id;
  return getDb()
    .select({
      id: transactions.id,
      title: transactions.title,
      amount: transactions.amount,
      state: transactions.state,
      channel: transactions.channel,
      flags: transactions.flags,
      createdAt: transactions.createdAt,
      paidAt: transactions.paidAt,
      billId: transactions.billId,
      customerPhone: transactions.customerPhone,
    })
    .from(transactions)
    .where(
      and(
        eq(transactions.mode, t.mode),
        ne(transactions.id, t.id),
        or(eq(transactions.id, first), eq(transactions.billId, first)),
      ),
    )
    .orderBy(asc(transactions.createdAt), asc(transactions.id))
    .limit(20);
}

export type BillPayment = Awaited<ReturnType<typeof listOtherBillPayments>>[number];
