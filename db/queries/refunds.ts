import "server-only";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Day } from "@/lib/core/time";
import type { GatewayMode } from "@/lib/core/modes";
import { getDb, type DbOrTx } from "../client";
import {
  refunds,
  transactions,
  users,
  type Refund,
  type RefundState,
  type Transaction,
} from "../schema";

/** The whole row: the relay's refund events carry the payment as it stands. */
export type LockedPayment = Transaction;

/**
 * Locks one transaction of a mode for the rest of `tx`, so two refund requests
 * against it are checked one after the other. Null when there is no such row.
 */
export async function lockTransactionForRefund(
  tx: DbOrTx,
  id: string,
  mode: GatewayMode,
): Promise<LockedPayment | null> {
  const [row] = await tx
    .select()
    .from(transactions)
    .where(and(eq(transactions.id, id), eq(transactions.mode, mode)))
    .for("update");
  return row ?? null;
}

/** Exact sums of a transaction's refunds by state (decimal strings, "0" for none). */
export async function sumRefundsByState(
  db: DbOrTx,
  transactionId: string,
): Promise<Record<RefundState, string>> {
  const rows = await db
    .select({ state: refunds.state, amount: sql<string>`sum(${refunds.amount})::text` })
    .from(refunds)
    .where(eq(refunds.transactionId, transactionId))
    .groupBy(refunds.state);
  const sums: Record<RefundState, string> = { requested: "0", approved: "0", rejected: "0" };
  for (const row of rows) sums[row.state] = row.amount;
  return sums;
}

export type NewRefundInput = Omit<
  typeof refunds.$inferInsert,
  "id" | "state" | "decidedBy" | "decidedAt" | "decisionNote" | "createdAt" | "updatedAt"
>;

export async function insertRefund(tx: DbOrTx, values: NewRefundInput): Promise<Refund> {
  const [row] = await tx.insert(refunds).values(values).returning();
  if (!row) throw new Error("refund insert returned no row");
  return row;
}

/**
 * The second person's step, race-safe: only a refund still requested, and only by
 * someone other than its requester, moves; of two decisions at once one wins.
 * Null when nothing moved.
 */
export async function decideRefundRow(
  tx: DbOrTx,
  input: {
    id: string;
    mode: GatewayMode;
    deciderId: string;
    decision: "approved" | "rejected";
    note: string | null;
  },
): Promise<Refund | null> {
  const [row] = await tx
    .update(refunds)
    .set({
      state: input.decision,
      decidedBy: input.deciderId,
      decidedAt: sql`now()`,
      decisionNote: input.note,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(refunds.id, input.id),
        eq(refunds.mode, input.mode),
        eq(refunds.state, "requested"),
        ne(refunds.requestedBy, input.deciderId),
      ),
    )
    .returning();
  return row ?? null;
}

export async function getRefund(db: DbOrTx, id: string, mode: GatewayMode): Promise<Refund | null> {
  const [row] = await db
    .select()
    .from(refunds)
    .where(and(eq(refunds.id, id), eq(refunds.mode, mode)));
  return row ?? null;
}

export type RefundView = Refund & { requestedByName: string; decidedByName: string | null };

const decider = alias(users, "decider");

/** A transaction's refunds, oldest first, with who requested and decided each. */
export async function listRefundsOfTransaction(
  transactionId: string,
  mode: GatewayMode,
): Promise<RefundView[]> {
  const rows = await getDb()
    .select({ refund: refunds, requestedByName: users.name, decidedByName: decider.name })
    .from(refunds)
    .innerJoin(users, eq(users.id, refunds.requestedBy))
    .leftJoin(decider, eq(decider.id, refunds.decidedBy))
    .where(and(eq(refunds.transactionId, transactionId), eq(refunds.mode, mode)))
    .orderBy(asc(refunds.requestedAt), asc(refunds.id));
  return rows.map((r) => ({
    ...r.refund,
    requestedByName: r.requestedByName,
    decidedByName: r.decidedByName,
  }));
}

/**
 * Serializes, for the rest of `tx`, everything that weighs refunds of one mode's day
 * against its closing: a refund request dated that day and the day's mark.
 */
export async function lockRefundDay(tx: DbOrTx, mode: GatewayMode, day: Day): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`refund-day:${mode}:${day}`}, 0))`,
  );
}

/** How many of a mode's refunds dated `day` still wait for a second person. */
export async function countWaitingRefunds(
  db: DbOrTx,
  mode: GatewayMode,
  day: Day,
): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(refunds)
    .where(
      and(eq(refunds.mode, mode), eq(refunds.refundedOn, day), eq(refunds.state, "requested")),
    );
  return row?.count ?? 0;
}

export type DayRefunds = { channel: Transaction["channel"]; count: number; amount: string };

/** A mode's approved refunds dated `day`, per channel of the payment refunded. */
export async function approvedRefundsOnDay(
  mode: GatewayMode,
  day: Day,
  db: DbOrTx = getDb(),
): Promise<DayRefunds[]> {
  return db
    .select({
      channel: transactions.channel,
      count: sql<number>`count(*)::int`,
      amount: sql<string>`sum(${refunds.amount})::text`,
    })
    .from(refunds)
    .innerJoin(transactions, eq(transactions.id, refunds.transactionId))
    .where(and(eq(refunds.mode, mode), eq(refunds.refundedOn, day), eq(refunds.state, "approved")))
    .groupBy(transactions.channel)
    .orderBy(transactions.channel);
}
