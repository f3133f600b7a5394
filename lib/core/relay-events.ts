/**
 * What the relay passes on to other systems, said once: the event types an endpoint
 * may ask for (the schema, the forms and the payload all derive from this tuple).
 * Refund events are sent by each refund step (lib/payments/refunds.ts), in its transaction.
 */
export const relayEventTypes = [
  "payment.created",
  "payment.paid",
  "payment.expired",
  "payment.settled",
  "payment.flagged",
  "refund.requested",
  "refund.approved",
  "refund.rejected",
] as const;
export type RelayEventType = (typeof relayEventTypes)[number];

/** Each event is its own checkbox, named `event:<type>` (FormData keeps one value per name). */
export const eventFieldName = (type: RelayEventType) => `event:${type}`;

/** The events a new endpoint asks for unless the admin picks others. */
export const defaultRelayEvents: readonly RelayEventType[] = [
  "payment.created",
  "payment.paid",
  "payment.expired",
  "payment.settled",
];

/** The test event ("send test event"): sent to one endpoint, whatever it asks for. */
export const relayTestEvent = "relay.test";

/** The relay delivery's states: waiting, being sent, delivered, or given up. */
export const relayDeliveryStates = ["pending", "sending", "delivered", "failed"] as const;
export type RelayDeliveryState = (typeof relayDeliveryStates)[number];

/** Why an endpoint is paused: an admin paused it, or it failed for a whole day. */
export const relayPauseReasons = ["admin", "failing"] as const;
export type RelayPauseReason = (typeof relayPauseReasons)[number];

/** The event a lifecycle state change is, if the relay passes it on. */
export function relayEventForState(state: string): RelayEventType | null {
  if (state === "paid") return "payment.paid";
  if (state === "expired") return "payment.expired";
  if (state === "settled") return "payment.settled";
  return null;
}
