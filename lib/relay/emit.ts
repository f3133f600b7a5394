import "server-only";
import type { DbOrTx } from "@/db/client";
import { insertRelayDeliveries } from "@/db/queries/relay-deliveries";
import { listModeEndpointEvents } from "@/db/queries/relay-endpoints";
import type { Transaction } from "@/db/schema";
import { relayEventForState, type RelayEventType } from "@/lib/core/relay-events";
import { paymentEventBody, type RefundFacts } from "./payload";
import { relayGiveUpAfterSeconds } from "./policy";

/** One event of one payment, as its cause decided it. */
export type PaymentEvent = {
  type: RelayEventType;
  row: Transaction;
  /** What makes a repeat of this event the same event (with the endpoint). */
  key: string;
  /** For a refund event, the refund. */
  refund?: RefundFacts;
};

/** A refund's step as an event of its payment (ordered with the payment's other events). */
export function refundEvent(row: Transaction, refund: RefundFacts): PaymentEvent {
  const type = `refund.${refund.state}` as const;
  return { type, row, key: `${type}:${refund.id}`, refund };
}

/** The events of a state change: created, paid, expired, settled (each once per payment). */
export function stateChangeEvents(
  row: Transaction,
  change: { from: string | null; to: string },
): PaymentEvent[] {
  if (change.from === change.to) return [];
  const type = relayEventForState(change.to);
  return type ? [{ type, row, key: `${type}:${row.id}` }] : [];
}

/** The created event: the gateway answered and the payment exists there. */
export function createdEvent(row: Transaction): PaymentEvent {
  return { type: "payment.created", row, key: `payment.created:${row.id}` };
}

/** Flags a change added to a payment (once per payment and set of new flags). */
export function flaggedEvents(row: Transaction, before: readonly string[]): PaymentEvent[] {
  const added = row.flags.filter((f) => !before.includes(f)).sort();
  if (added.length === 0) return [];
  return [{ type: "payment.flagged", row, key: `payment.flagged:${row.id}:${added.join(",")}` }];
}

/**
 * Writes each event as one relay delivery per endpoint of the payment's mode that
 * asks for it, in the caller's transaction, so the events exist exactly when their
 * cause does. The endpoints are read once per mode and call, not once per event (a
 * callback burst pays one small query per apply, none when nothing changed). Returns
 * the new rows' ids (to queue after the commit).
 */
export async function emitPaymentEvents(
  tx: DbOrTx,
  events: readonly PaymentEvent[],
  at: Date = new Date(),
): Promise<string[]> {
  const endpointsOf = new Map<
    string,
    Promise<Awaited<ReturnType<typeof listModeEndpointEvents>>>
  >();
  const ids: string[] = [];
  for (const event of events) {
    const { mode } = event.row;
    if (!endpointsOf.has(mode)) endpointsOf.set(mode, listModeEndpointEvents(tx, mode));
    const endpoints = (await endpointsOf.get(mode)!).filter((e) => e.events.includes(event.type));
    const rows = endpoints.map((endpoint) => ({
      endpointId: endpoint.id,
      mode,
      eventType: event.type,
      eventKey: event.key,
      transactionId: event.row.id,
      payload: paymentEventBody(event.type, event.row, at, event.refund),
    }));
    if (rows.length > 0)
      ids.push(...(await insertRelayDeliveries(tx, rows, relayGiveUpAfterSeconds)));
  }
  return ids;
}

/**
 * The events other systems hear of from one change of a payment: created, its state
 * change, the flags it gained, and the flags it gave its partners (`before` holds the
 * rows as they were, for what is new). The callback apply and the status check both
 * build theirs here.
 */
export function changeEvents(change: {
  row: Transaction | null;
  inserted: boolean;
  state: { from: string | null; to: string } | null;
  flagged: readonly Transaction[];
  before: readonly Transaction[];
}): PaymentEvent[] {
  const flagsBefore = (id: string) => change.before.find((r) => r.id === id)?.flags ?? [];
  const events: PaymentEvent[] = [];
  const { row } = change;
  if (row) {
    if (change.inserted) events.push(createdEvent(row));
    if (change.state) events.push(...stateChangeEvents(row, change.state));
    events.push(...flaggedEvents(row, change.inserted ? [] : flagsBefore(row.id)));
  }
  for (const other of change.flagged) events.push(...flaggedEvents(other, flagsBefore(other.id)));
  return events;
}
