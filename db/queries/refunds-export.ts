import "server-only";
import { and, asc, eq, gte, lte } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { GatewayMode } from "@/lib/core/modes";
import type { Day } from "@/lib/core/time";
import { readDb } from "../read-replica";
import { refunds, transactions, users } from "../schema";

const decider = alias(users, "decider");

export type RefundExportRow = {
  id: string;
  transactionId: string;
  externalId: string | null;
  channel: string;
  paymentAmount: string;
  amount: string;
  reason: string;
  note: string | null;
  method: string;
  bank: string | null;
  account: string | null;
  refundedOn: string;
  state: string;
  requestedBy: string;
  requestedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
};

/** A mode's refunds dated `from` to `to`, in date order, with their payment and people. */
export async function listRefundsForExport(
  mode: GatewayMode,
  from: Day,
  to: Day,
): Promise<RefundExportRow[]> {
  return readDb()
    .select({
      id: refunds.id,
      transactionId: refunds.transactionId,
      externalId: transactions.externalId,
      channel: transactions.channel,
      paymentAmount: transactions.amount,
      amount: refunds.amount,
      reason: refunds.reason,
      note: refunds.note,
      method: refunds.method,
      bank: refunds.bank,
      account: refunds.account,
      refundedOn: refunds.refundedOn,
      state: refunds.state,
      requestedBy: users.name,
      requestedAt: refunds.requestedAt,
      decidedBy: decider.name,
      decidedAt: refunds.decidedAt,
      decisionNote: refunds.decisionNote,
    })
    .from(refunds)
    .innerJoin(transactions, eq(transactions.id, refunds.transactionId))
    .innerJoin(users, eq(users.id, refunds.requestedBy))
    .leftJoin(decider, eq(decider.id, refunds.decidedBy))
    .where(and(eq(refunds.mode, mode), gte(refunds.refundedOn, from), lte(refunds.refundedOn, to)))
    .orderBy(asc(refunds.refundedOn), asc(refunds.requestedAt), asc(refunds.id));
}
