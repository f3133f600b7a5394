import type { Transaction } from "@/db/schema";
import { indonesianPhoneSchema } from "@/channels/shared/fields";
import type { CallbackPayload } from "@purwantara/contract/callback";
import type { TransactionFlag } from "@/lib/payments/flags";
import {
  isPaidState,
  maybeTwicePartners,
  maybeTwiceWindowMs,
  type DoublePayment,
} from "@/lib/payments/double-payments";

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

/**
 * The buyer's phone a callback itself names (`event.meta.customer_phone`, as the
 * gateway's example sends it), in the dashboard's stored form (0 8…), or null.
 */
export function callbackBuyerPhone(payload: CallbackPayload): string | null {
  const meta = payload.event?.meta;
  const said =
    meta && typeof meta === "object" ? (meta as Record<string, unknown>).customer_phone : null;
  const parsed = indonesianPhoneSchema.safeParse(said);
  return parsed.success ? parsed.data : null;
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
