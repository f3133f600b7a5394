/**
 * Payments that may be one purchase paid twice, and which of them is the surplus.
 * Pure: the money-in plan (lib/webhooks/plan.ts) and the status check
 * (lib/payments/apply-sync.ts) set the flags with it, the payment's page and the
 * dismissal find a payment's partners with it.
 *
 * Two kinds (lib/payments/flags.ts):
 * - `paid_twice`: two paid payments of one bill (same external_id: two banks, a VA
 *   then a QRIS, a link paid twice). Certain.
 * - `maybe_paid_twice`: two paid payments of different bills, in one mode, with the
 *   same buyer phone and the same amount, paid at most `maybeTwiceWindowMs` apart, on
 *   any channels. Likely, not certain (a buyer may really buy the same thing twice),
 *   so a person can dismiss it.
 */
import type { Transaction } from "@/db/schema";
import { subtractDecimals } from "@/lib/core/money";
import type { TransactionFlag } from "./flags";

/**
 * Thirty minutes: long enough for a buyer who thinks the first payment failed to try
 * another channel (a VA then a QRIS, an e-wallet after a counter code), short enough
 * that a regular customer's next day's order does not count.
 */
export const maybeTwiceWindowMs = 30 * 60_000;

export type DoublePayment = Pick<
  Transaction,
  "id" | "billId" | "amount" | "customerPhone" | "paidAt" | "state" | "createdAt"
>;

export const isPaidState = (state: string | null | undefined) =>
  state === "paid" || state === "settled";

/** The bill a payment belongs to: its first row. */
export const billOf = (p: Pick<Transaction, "id" | "billId">) => p.billId ?? p.id;

const sameAmount = (a: string, b: string) => subtractDecimals(a, b) === "0";

/** Whether two paid payments of different bills look like one purchase paid twice. */
export function looksPaidTwice(a: DoublePayment, b: DoublePayment): boolean {
  if (a.id === b.id || billOf(a) === billOf(b)) return false;
  if (!isPaidState(a.state) || !isPaidState(b.state) || !a.paidAt || !b.paidAt) return false;
  if (!a.customerPhone || a.customerPhone !== b.customerPhone) return false;
  if (!sameAmount(a.amount, b.amount)) return false;
  return Math.abs(a.paidAt.getTime() - b.paidAt.getTime()) <= maybeTwiceWindowMs;
}

/** Of `candidates`, those that look like `payment` paid a second time. */
export function maybeTwicePartners<T extends DoublePayment>(
  payment: DoublePayment,
  candidates: readonly T[],
): T[] {
  return candidates.filter((c) => looksPaidTwice(payment, c));
}

const paidTime = (p: DoublePayment) => p.paidAt?.getTime() ?? Number.MAX_SAFE_INTEGER;

/**
 * The payment paid first (ties: created first, then the smaller id): it stays; every
 * later one is surplus, the one to refund.
 */
export function firstPaid<T extends DoublePayment>(payments: readonly T[]): T | null {
  const paid = payments.filter((p) => isPaidState(p.state));
  paid.sort(
    (a, b) =>
      paidTime(a) - paidTime(b) ||
      a.createdAt.getTime() - b.createdAt.getTime() ||
      a.id.localeCompare(b.id),
  );
  return paid[0] ?? null;
}

/**
 * Whether `payment` is the surplus of a double payment: it is paid and another paid
 * payment of the pair (its bill's others, or its maybe-twice partners) was paid first.
 */
export function isSurplusPayment(
  payment: DoublePayment,
  partners: readonly DoublePayment[],
): boolean {
  if (!isPaidState(payment.state)) return false;
  const first = firstPaid([payment, ...partners]);
  return first !== null && first.id !== payment.id;
}

type MaybeTwice = {
  /** `["maybe_paid_twice"]` when the payment has partners, else empty. */
  flags: "maybe_paid_twice"[];
  /** The partners, each to be flagged too. */
  flagRows: { id: string; flags: string[] }[];
  note: string | null;
};

/**
 * The maybe-paid-twice part of a plan for a payment that has just become paid: of the
 * paid payments of the mode with the same buyer phone (read under the buyer's lock),
 * those of other bills with the same amount paid within the window flag it, and it
 * flags them.
 */
function planMaybeTwice(payment: DoublePayment, sameBuyer: readonly Transaction[]): MaybeTwice {
  const partners = maybeTwicePartners(payment, sameBuyer);
  if (partners.length === 0) return { flags: [], flagRows: [], note: null };
  return {
    flags: ["maybe_paid_twice"],
    flagRows: partners.map((p) => ({ id: p.id, flags: ["maybe_paid_twice"] })),
    note: `maybe paid twice: the same phone and amount as ${partners.map((p) => p.id).join(", ")} within ${maybeTwiceWindowMs / 60_000} minutes`,
  };
}

export type Doubles = {
  flags: TransactionFlag[];
  notes: string[];
  flagRows: { id: string; flags: string[] }[];
};
export const noDoubles: Doubles = { flags: [], notes: [], flagRows: [] };

/**
 * A payment becoming paid, and what else was paid: its bill's other paid payments make
 * it and them paid twice; the buyer's paid payments of other bills with the same
 * amount, close in time, make it and them maybe paid twice.
 */
export function doublesOf(
  payment: DoublePayment,
  billPayments: readonly Transaction[],
  sameBuyer: readonly Transaction[],
): Doubles {
  const paidOthers = billPayments.filter((o) => isPaidState(o.state));
  const twins = planMaybeTwice(payment, sameBuyer);
  const twice = paidOthers.length > 0;
  return {
    flags: [...(twice ? (["paid_twice"] as const) : []), ...twins.flags],
    notes: [twice ? paidTwiceNote(paidOthers) : null, twins.note].filter(
      (n): n is string => n !== null,
    ),
    flagRows: [...paidOthers.map((o) => ({ id: o.id, flags: ["paid_twice"] })), ...twins.flagRows],
  };
}

/** `doublesOf` for a payment not inserted yet (no id; a bill only if it joins one). */
export function newPaymentDoubles(
  bill: Transaction | null,
  others: readonly Transaction[],
  sameBuyer: readonly Transaction[],
  payment: Pick<DoublePayment, "state" | "amount" | "customerPhone" | "paidAt">,
): Doubles {
  if (!isPaidState(payment.state)) return noDoubles;
  const billPayments = bill ? [bill, ...others.filter((o) => o.id !== bill.id)] : [];
  const self = { ...payment, id: "", billId: bill?.id ?? null, createdAt: new Date() };
  return doublesOf(self, billPayments, sameBuyer);
}

function paidTwiceNote(paid: readonly Transaction[]): string {
  return `paid twice: ${paid.map((o) => o.id).join(", ")} of the same bill ${paid.length > 1 ? "are" : "is"} paid too`;
}
