import "server-only";
import type { DbOrTx } from "@/db/client";
import {
  findBuyerPhone,
  findHandledDelivery,
  lockCallbackKeys,
  lockCallbackRows,
  writeCallback,
} from "@/db/queries/webhooks";
import type { DeliveryOutcome } from "@/db/schema";
import { isPaidState } from "@/lib/payments/double-payments";
import { lockPayingBuyer, sameBuyerPaidNear } from "@/lib/payments/paying-buyer";
import { stateForStatus } from "@/lib/payments/lifecycle";
import { callbackTime } from "@purwantara/contract/callback";
import { changeEvents, emitPaymentEvents } from "@/lib/relay/emit";
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
  const buyer = await payingBuyerOf(tx, delivery, ref);
  await lockPayingBuyer(tx, delivery.mode, buyer);
  const rows = await lockCallbackRows(tx, ref);
  const paidAt = callbackTime(delivery.payload.paid_at) ?? null;
  const sameBuyer = buyer ? await sameBuyerPaidNear(tx, delivery.mode, buyer, paidAt) : [];
  const plan = planDelivery(delivery, { earlier, ...rows, sameBuyer }, options);
  const written = await writeCallback(tx, plan.write);
  options.onRecorded?.(written.deliveryRowId);
  const before = [rows.byUuid, rows.bill, ...rows.others, ...sameBuyer].filter((r) => r !== null);
  const { write } = plan;
  const events = changeEvents({
    row: written.row,
    inserted: write.insert !== null,
    state: write.event ? { from: write.event.fromState ?? null, to: write.event.toState } : null,
    flagged: written.flagged,
    before,
  });
  const relayIds = await emitPaymentEvents(tx, events);
  options.onRelay?.(relayIds);
  return { outcome: plan.outcome, deliveryRowId: written.deliveryRowId, relayIds };
}

/**
 * For a callback that could make a payment paid: its buyer's phone (its row's, its
 * bill's, else the one the callback names), read under the uuid and bill locks.
 */
async function payingBuyerOf(
  tx: DbOrTx,
  delivery: ReceivedDelivery,
  ref: Parameters<typeof findBuyerPhone>[1],
): Promise<string | null> {
  if (!isPaidState(stateForStatus(delivery.payload.status))) return null;
  return (await findBuyerPhone(tx, ref)) ?? callbackBuyerPhone(delivery.payload);
}
