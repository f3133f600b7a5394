import "server-only";
import { getDb } from "@/db/client";
import {
  approvedRefundsOnDay,
  countWaitingRefunds,
  listRefundsOfTransaction,
  type DayRefunds,
  type RefundView,
} from "@/db/queries/refunds";
import { refundsWithProof } from "@/db/queries/refund-proofs";
import type { Transaction } from "@/db/schema";
import { addDecimals } from "@/lib/core/money";
import type { GatewayMode } from "@purwantara/contract";
import type { Day } from "@/lib/core/time";
import { grossOf, refundableStates, refundFigures, type RefundFigures } from "./refunds";

export type { RefundView };

export type PaymentRefunds = {
  figures: RefundFigures;
  refunds: (RefundView & { hasProof: boolean })[];
  /** A new refund may be requested: paid or settled, and something is left. */
  open: boolean;
};

/** A payment's refund ledger and its figures, for its page. */
export async function getPaymentRefunds(
  payment: Pick<Transaction, "id" | "state" | "amount" | "confirmedAmount">,
  mode: GatewayMode,
): Promise<PaymentRefunds> {
  const listed = await listRefundsOfTransaction(payment.id, mode);
  const proven = await refundsWithProof(listed.map((r) => r.id));
  const refunds = listed.map((r) => ({ ...r, hasProof: proven.has(r.id) }));
  const sum = (state: RefundView["state"]) =>
    addDecimals("0", ...refunds.filter((r) => r.state === state).map((r) => r.amount));
  const figures = refundFigures(grossOf(payment), {
    approved: sum("approved"),
    requested: sum("requested"),
  });
  const open = refundableStates.includes(payment.state) && !/^-|^0$/.test(figures.left);
  return { figures, refunds, open };
}

export type DayRefundsView = {
  channels: DayRefunds[];
  total: { count: number; amount: string };
  /** Refunds dated this day still waiting for a second person: the day cannot close. */
  waiting: number;
};

/** The refunds a reconciliation day counts: approved ones dated that day, per channel. */
export async function getDayRefunds(mode: GatewayMode, day: Day): Promise<DayRefundsView> {
  const [channels, waiting] = await Promise.all([
    approvedRefundsOnDay(mode, day),
    countWaitingRefunds(getDb(), mode, day),
  ]);
  const total = {
    count: channels.reduce((sum, c) => sum + c.count, 0),
    amount: addDecimals("0", ...channels.map((c) => c.amount)),
  };
  return { channels, total, waiting };
}
