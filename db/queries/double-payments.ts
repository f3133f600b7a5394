import "server-only";
import { and, asc, between, eq, inArray, sql } from "drizzle-orm";
import type { GatewayMode } from "@/lib/core/modes";
import type { DbOrTx } from "../client";
import { transactions, type Transaction } from "../schema";

/**
 * Serialises the applies that could make two payments of one buyer paid (mode and
 * phone), held to the end of `tx`. Taken after `lockCallbackKeys` and before any row
 * lock, always, so it never waits in a cycle with them.
 */
export async function lockBuyer(tx: DbOrTx, mode: GatewayMode, phone: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`ppn-buyer:${mode}:${phone}`}))`);
}

/**
 * The mode's paid payments with this buyer phone paid from `from` to `to`
 * (`transactions_mode_phone_paid_at_idx`), at most 50: the maybe-paid-twice candidates.
 */
export async function listSameBuyerPaid(
  tx: DbOrTx,
  ref: { mode: GatewayMode; phone: string; from: Date; to: Date },
): Promise<Transaction[]> {
  return tx
    .select()
    .from(transactions)
    .where(
      and(
        eq(transactions.mode, ref.mode),
        eq(transactions.customerPhone, ref.phone),
        between(transactions.paidAt, ref.from, ref.to),
        inArray(transactions.state, ["paid", "settled"]),
      ),
    )
    .orderBy(asc(transactions.paidAt))
    .limit(50);
}

/** A payment of the mode, its row locked to the end of `tx`; null when not in this mode. */
export async function lockPayment(
  tx: DbOrTx,
  id: string,
  mode: GatewayMode,
): Promise<Transaction | null> {
  const [row] = await tx
    .select()
    .from(transactions)
    .where(and(eq(transactions.id, id), eq(transactions.mode, mode)))
    .for("update");
  return row ?? null;
}

/** A payment's buyer phone in its mode, read without a lock (it does not change). */
export async function getPaymentPhone(
  tx: DbOrTx,
  id: string,
  mode: GatewayMode,
): Promise<string | null> {
  const [row] = await tx
    .select({ phone: transactions.customerPhone })
    .from(transactions)
    .where(and(eq(transactions.id, id), eq(transactions.mode, mode)));
  return row?.phone ?? null;
}

/** Takes `flag` off these payments (a person's decision); nothing else changes. */
export async function removeFlag(tx: DbOrTx, ids: readonly string[], flag: string) {
  if (ids.length === 0) return;
  await tx
    .update(transactions)
    .set({ flags: sql`array_remove(${transactions.flags}, ${flag})`, updatedAt: new Date() })
    .where(inArray(transactions.id, [...ids]));
}
