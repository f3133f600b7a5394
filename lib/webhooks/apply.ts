import "server-only";
import type { DbOrTx } from "@/db/client";
import {
  findHandledDelivery,
  lockCallbackKeys,
  lockCallbackRows,
  writeCallback,
} from "@/db/queries/webhooks";
import type { DeliveryOutcome, Transaction } from "@/db/schema";
import {
  createdEvent,
  emitPaymentEvents,
  flaggedEvents,
  stateChangeEvents,
  type PaymentEvent,
} from "@/lib/relay/emit";
import type { ReceivedDelivery } from "./delivery";
import { planDelivery, type PlanOptions } from "./plan";

export type ApplyOptions = PlanOptions & {
  /** Told the id of the delivery row this run recorded. */
  onRecorded?: (id: string) => void;
  /** Told the relay deliveries this run wrote (queue them once `tx` commits). */
  onRelay?: (ids: string[]) => void;
};

/**
 * Applies a verified delivery inside `tx`: takes its locks (delivery id, uuid, bill,
 * within its mode), reads what the database holds, decides once (plan.ts) and writes
 * that decision (db/queries/webhooks.ts). The delivery row, the transaction, its flags,
 * its event and the relay's events for other systems commit with `tx` or not at all. Used by the inbox (inbox.ts) and by a
 * person's replay or acceptance (replay.ts), so both run the same rules.
 */
export async function applyCallback(
  tx: DbOrTx,
  delivery: ReceivedDelivery,
  options: ApplyOptions = {},
): Promise<{ outcome: DeliveryOutcome; deliveryRowId: string; relayIds: string[] }> {
  const ref = {
    mode: delivery.mode,
    deliveryId: delivery.deliveryId,
    purwantaraUuid: delivery.payload.uuid,
    externalId: delivery.payload.external_id ?? null,
  };
  await lockCallbackKeys(tx, ref);
  // A replay re-runs a stored delivery on purpose: its own id is not a reason to skip it.
  const earlier =
    delivery.deliveryId && !delivery.replayOf
      ? await findHandledDelivery(
          tx,
          { deliveryId: delivery.deliveryId, mode: delivery.mode },
          delivery.rawBody,
        )
      : null;
  const rows = await lockCallbackRows(tx, ref);
  const plan = planDelivery(delivery, { earlier, ...rows }, options);
  const written = await writeCallback(tx, plan.write);
  options.onRecorded?.(written.deliveryRowId);
  const before = [rows.byUuid, rows.bill, ...rows.others].filter((r) => r !== null);
  const relayIds = await emitPaymentEvents(tx, relayEventsOf(plan.write, written, before));
  options.onRelay?.(relayIds);
  return { outcome: plan.outcome, deliveryRowId: written.deliveryRowId, relayIds };
}

/** The events other systems hear of from one apply: new payment, state change, new flags. */
function relayEventsOf(
  write: Parameters<typeof writeCallback>[1],
  written: Awaited<ReturnType<typeof writeCallback>>,
  before: readonly Transaction[],
): PaymentEvent[] {
  const events: PaymentEvent[] = [];
  const flagsBefore = (id: string) => before.find((r) => r.id === id)?.flags ?? [];
  const { row } = written;
  if (row) {
    if (write.insert) events.push(createdEvent(row));
    if (write.event)
      events.push(
        ...stateChangeEvents(row, { from: write.event.fromState ?? null, to: write.event.toState }),
      );
    events.push(...flaggedEvents(row, write.insert ? [] : flagsBefore(row.id)));
  }
  for (const other of written.flagged) events.push(...flaggedEvents(other, flagsBefore(other.id)));
  return events;
}
