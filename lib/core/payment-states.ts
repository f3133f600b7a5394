/**
 * Our payment lifecycle, said once: the database enum, the list's filter, the lifecycle
 * rules and every screen derive from this tuple and its facts. Browser-safe, imports nothing.
 */
export const paymentStates = [
  "creating",
  "failed_to_create",
  /** The create call got no clear answer: the payment may exist at Purwantara. */
  "unconfirmed",
  "active",
  "paid",
  "settled",
  "expired",
  "cancelled",
  "failed",
] as const;
export type PaymentState = (typeof paymentStates)[number];

/**
 * How far along a state is. Money received outranks an expiry or failure (a buyer
 * can pay just as a code expires, and that money is real), so a late PAID wins over
 * EXPIRED, while an EXPIRED arriving after PAID is stale.
 */
export const stateRank = {
  creating: 0,
  failed_to_create: 0,
  unconfirmed: 0,
  active: 1,
  expired: 2,
  cancelled: 2,
  failed: 2,
  paid: 3,
  settled: 4,
} as const satisfies Record<PaymentState, number>;

/** States of a row whose create call has not (yet) produced a confirmed payment. */
export const pendingStates: readonly PaymentState[] = [
  "creating",
  "failed_to_create",
  "unconfirmed",
];

/** States nothing moves on from (a late PAID may still arrive: see the lifecycle). */
export const terminalStates: readonly PaymentState[] = [
  "failed_to_create",
  "settled",
  "expired",
  "cancelled",
  "failed",
];
