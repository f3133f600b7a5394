/**
 * The refund vocabulary (issue 19), said once: the database enums, the form's choices
 * and the schema all derive from these tuples. Browser-safe, imports nothing.
 */

/** Why money went back; `other` needs a note. */
export const refundReasons = [
  "cancelled_order",
  "paid_twice",
  "wrong_amount",
  "goods_returned",
  "other",
] as const;
export type RefundReason = (typeof refundReasons)[number];

/**
 * How the money went back: all outside the dashboard today, since Purwantara has no
 * refund API. Should it publish one, a `gateway` method is where it plugs in.
 */
export const refundMethods = ["bank_transfer", "cash", "ewallet", "other"] as const;
export type RefundMethod = (typeof refundMethods)[number];

/** Requested by one person; approved (it counts) or rejected by a second. */
export const refundStates = ["requested", "approved", "rejected"] as const;
export type RefundState = (typeof refundStates)[number];

/**
 * The events refunds and double payments will raise for the notices and the relay
 * (issue 18) once they land; named here so both take them from one list.
 */
export const refundEvents = [
  "refund.requested",
  "refund.approved",
  "refund.rejected",
  "payment.paid_twice",
  "payment.maybe_paid_twice",
] as const;
export type RefundEvent = (typeof refundEvents)[number];
