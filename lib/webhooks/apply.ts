import "server-only";
import type { DbOrTx } from "@/db/client";
import { listSameBuyerPaid, lockBuyer } from "@/db/queries/double-payments";
import {
  findBuyerPhone,
  findHandledDelivery,
  lockCallbackKeys,
  lockCallbackRows,
  writeCallback,
} from "@/db/queries/webhooks";
import type { DeliveryOutcome, Transaction } from "@/db/schema";
import { isPaidState, maybeTwiceWindowMs } from "@/lib/payments/double-payments";
import { stateForStatus } from "@/lib/payments/lifecycle";
import { callbackTime } from "@purwantara/contract/callback";
import {
  createdEvent,
  emitPaymentEvents,
  flaggedEvents,
  stateChangeEvents,
  type PaymentEvent,
} from "@/lib/relay/emit";
import type { ReceivedDelivery } from "./delivery";
import { callbackBuyerPhone } from "./doubles";
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
  const buyer = await lockPayingBuyer(tx, delivery, ref);
  const rows = await lockCallbackRows(tx, ref);
  const sameBuyer = buyer ? await sameBuyerNear(tx, delivery, buyer) : [];
  const plan = planDelivery(delivery, { earlier, ...rows, sameBuyer }, options);
  const written = await writeCallback(tx, plan.write);
  options.onRecorded?.(written.deliveryRowId);
  const before = [rows.byUuid, rows.bill, ...rows.others, ...sameBuyer].filter((r) => r !== null);
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

/**
 * For a callback that could make a payment paid: its buyer's phone, locked (so two
 * payments of one buyer becoming paid at once see each other: the later flags both).
 */
async function lockPayingBuyer(
  tx: DbOrTx,
  delivery: ReceivedDelivery,
  ref: Parameters<typeof findBuyerPhone>[1],
): Promise<string | null> {
  if (!isPaidState(stateForStatus(delivery.payload.status))) return null;
  const phone = (await findBuyerPhone(tx, ref)) ?? callbackBuyerPhone(delivery.payload);
  if (phone) await lockBuyer(tx, delivery.mode, phone);
  return phone;
}

/** The buyer's paid payments within the window of this callback's paid time or now. */
function sameBuyerNear(
  tx: DbOrTx,
  delivery: ReceivedDelivery,
  phone: string,
): Promise<Transaction[]> {
  const now = Date.now();
  const paid = callbackTime(delivery.payload.paid_at)?.getTime() ?? now;
  return listSameBuyerPaid(tx, {
    mode: delivery.mode,
    phone,
    from: new Date(Math.min(paid, now) - maybeTwiceWindowMs),
    to: new Date(Math.max(paid, now) + maybeTwiceWindowMs),
  });
}
