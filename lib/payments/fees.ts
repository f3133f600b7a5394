import type { TransactionState } from "@/db/schema";
import { subtractDecimals } from "@/lib/core/money";

/*
 * A payment's fee is known once Purwantara reports one (QRIS, Alfamart and payment-link
 * payments have none until then): an unknown fee is null, never zero. Net exists only
 * where the fee is known; totals over many payments give net over the known part and
 * say for how many payments the fee is unknown.
 */

/** Amount − fee, exact; null while the fee is unknown. */
export function netOf(amount: string, fee: string | null): string | null {
  return fee === null ? null : subtractDecimals(amount, fee);
}

/** How many of a set of paid payments have a known fee: all, some or none of them. */
export type FeeCoverage = "all" | "some" | "none";

export function feeCoverage(totals: { paidCount: number; unknownFeeCount: number }): FeeCoverage {
  if (totals.unknownFeeCount === 0) return "all";
  return totals.unknownFeeCount >= totals.paidCount ? "none" : "some";
}

const paidStates: readonly TransactionState[] = ["paid", "settled"];

/** A paid payment whose fee Purwantara has not reported yet. */
export function isFeeUnknown(payment: { state: TransactionState; fee: string | null }): boolean {
  return paidStates.includes(payment.state) && payment.fee === null;
}
