import "server-only";
import { z } from "zod";
import {
  getUserName,
  listDeliveriesForTransaction,
  listOtherBillPayments,
  type BillPayment,
  type DeliverySummary,
} from "@/db/queries/transaction-detail";
import { getTransaction, listTransactionEvents } from "@/db/queries/transactions";
import type { Transaction, TransactionEvent } from "@/db/schema";
import type { GatewayMode } from "@purwantara/contract";
import { findMaybeTwicePartners } from "./double-payment-review";
import { firstPaid, isPaidState, isSurplusPayment } from "./double-payments";
import { isFeeUnknown, netOf } from "./fees";

/** One entry of the transaction's single timeline: a state change, or a callback without one. */
export type TimelineEntry =
  | { kind: "event"; at: Date; event: TransactionEvent; delivery: DeliverySummary | null }
  | { kind: "delivery"; at: Date; delivery: DeliverySummary };

export type TransactionDetail = {
  transaction: Transaction;
  events: TransactionEvent[];
  timeline: TimelineEntry[];
  createdBy: { name: string; email: string } | null;
  /** The other payments of the same bill, its first one included (none for most). */
  billPayments: BillPayment[];
  doubles: DoublesView;
  money: {
    /** What the gateway last said the amount is, when it said one. */
    confirmedAmount: string | null;
    /** Null while Purwantara has not reported it: unknown, not zero. */
    fee: string | null;
    total: string | null;
    /** Amount (confirmed, else ours) minus fee, once paid and the fee is known. */
    net: string | null;
    /** Paid, and Purwantara has not reported the fee yet: fee and net are unknown. */
    feeUnknown: boolean;
  };
};

/** A payment paid twice or maybe twice, and which of its pair is the surplus. */
export type DoublesView = {
  /** Other bills' payments of the same phone and amount paid close by (maybe paid twice). */
  maybePartners: BillPayment[];
  /** Paid after another payment of its pair: the one to refund (prefilled). */
  surplus: boolean;
  /** The pair's payment paid first, when this one is not it. */
  first: BillPayment | null;
  /** When this payment was paid first: the later ones, the surplus. */
  later: BillPayment[];
};

/**
 * Of a payment and its pair (its bill's other payments when paid twice, its partners
 * when maybe paid twice), the one paid first stays and every later one is surplus.
 */
async function doublesOf(transaction: Transaction, billPayments: BillPayment[]) {
  const flags = transaction.flags;
  const maybePartners = flags.includes("maybe_paid_twice")
    ? await findMaybeTwicePartners(transaction)
    : [];
  const pair = [...(flags.includes("paid_twice") ? billPayments : []), ...maybePartners];
  const surplus = isSurplusPayment(transaction, pair);
  const first = surplus ? firstPaid(pair) : null;
  const later = !surplus && firstPaid([transaction, ...pair])?.id === transaction.id;
  return {
    maybePartners,
    surplus,
    first,
    later: later ? pair.filter((p) => isPaidState(p.state)) : [],
  } satisfies DoublesView;
}

const moneyText = z.union([z.string().regex(/^-?\d+(\.\d+)?$/), z.number()]).transform(String);

function readMoney(body: unknown, key: string): string | null {
  if (!body || typeof body !== "object") return null;
  const record = body as Record<string, unknown>;
  const direct = moneyText.safeParse(record[key]);
  if (direct.success) return direct.data;
  const data = record.data;
  if (data && typeof data === "object") {
    const nested = moneyText.safeParse((data as Record<string, unknown>)[key]);
    if (nested.success) return nested.data;
  }
  return null;
}

/** One transaction with everything its page shows, or null for an unknown (or malformed) id. */
export async function getTransactionDetail(
  id: string,
  mode: GatewayMode,
): Promise<TransactionDetail | null> {
  if (!z.uuid().safeParse(id).success) return null;
  const transaction = await getTransaction(id, mode);
  if (!transaction) return null;
  const [events, deliveries, createdBy, billPayments] = await Promise.all([
    listTransactionEvents(id),
    listDeliveriesForTransaction(id),
    transaction.createdBy ? getUserName(transaction.createdBy) : Promise.resolve(null),
    listOtherBillPayments(transaction),
  ]);
  const doubles = await doublesOf(transaction, billPayments);
  const byId = new Map(deliveries.map((d) => [d.id, d]));
  const linked = new Set(events.map((e) => e.deliveryId).filter(Boolean));
  const timeline: TimelineEntry[] = [
    ...events.map((event): TimelineEntry => ({
      kind: "event",
      at: event.createdAt,
      event,
      delivery: event.deliveryId ? (byId.get(event.deliveryId) ?? null) : null,
    })),
    ...deliveries
      .filter((d) => !linked.has(d.id))
      .map((delivery): TimelineEntry => ({ kind: "delivery", at: delivery.receivedAt, delivery })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());

  const confirmedAmount =
    transaction.confirmedAmount ??
    readMoney(transaction.lastResponse, "amount") ??
    readMoney(transaction.lastResponse, "expected_amount");
  const fee = transaction.fee ?? readMoney(transaction.lastResponse, "fee");
  const total = transaction.total ?? readMoney(transaction.lastResponse, "total");
  const paid = transaction.state === "paid" || transaction.state === "settled";
  const net = paid ? netOf(confirmedAmount ?? transaction.amount, fee) : null;
  return {
    transaction,
    events,
    timeline,
    createdBy,
    billPayments,
    doubles,
    money: {
      confirmedAmount,
      fee,
      total,
      net,
      feeUnknown: isFeeUnknown({ state: transaction.state, fee }),
    },
  };
}
