/**
 * What finance should look at on a transaction (`transactions.flags`). A flag is set
 * in the same transaction as the change that raised it and never moves the state;
 * the raw value that raised it stays on the delivery or event. Labels live in the
 * catalogue under `flags.<flag>`.
 */
export const transactionFlags = [
  /** A delivery about it is held for a person (needs_review or conflict) and not resolved. */
  "needs_review",
  /** The gateway's amount differs from ours, or is missing, zero or negative. */
  "amount_mismatch",
  /** PAID arrived after we had it EXPIRED or CANCELLED: the money came, it is accepted. */
  "paid_after_expiry",
  /** PAID without a paid time: the time we received it is used. */
  "paid_without_time",
  /** A status we do not know: recorded, the state not moved. */
  "unknown_status",
  /** A channel (event.type) we do not know. */
  "unknown_channel",
  /** A buyer-facing URL that was not https (http only in local mode): dropped. */
  "unsafe_url",
  /** Two different bodies under one delivery id. */
  "conflicting_delivery",
  /** First seen in a callback: made outside the dashboard (another system, the gateway's own page). */
  "outside_dashboard",
  /** Another payment of the same bill is paid too (one bill at two banks, a VA then a QRIS): check for a refund. */
  "paid_twice",
  /**
   * Another bill's payment with the same buyer phone and amount was paid within 30
   * minutes (lib/payments/double-payments.ts): perhaps one purchase paid twice. A person
   * may dismiss it.
   */
  "maybe_paid_twice",
  /** A paid or settled time came without a zone: read as Asia/Jakarta (WIB). */
  "time_zone_inferred",
  /** The settled time is before the paid time. */
  "settled_before_paid",
  /** An amount with a fraction of a rupiah: rupiah are whole. */
  "fractional_amount",
] as const;
export type TransactionFlag = (typeof transactionFlags)[number];

export function isTransactionFlag(value: string): value is TransactionFlag {
  return (transactionFlags as readonly string[]).includes(value);
}
