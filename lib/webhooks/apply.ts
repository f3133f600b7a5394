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
import { callbackTime } from "@/lib/purwantara/callback";
import type { ReceivedDelivery } from "./delivery";
import { callbackBuyerPhone } from "./doubles";
import { planDelivery, type PlanOptions } from "./plan";

export type ApplyOptions = PlanOptions & {
  /** Told the id of the delivery row this run recorded. */
  onRecorded?: (id: string) => void;
};

/**
 * Applies a verified delivery inside `tx`: takes its locks (delivery id, uuid, bill,
 * within its mode), reads what the database holds, decides once (plan.ts) and writes
 * that decision (db/queries/webhooks.ts). The delivery row, the transaction, its flags
 * and its event commit with `tx` or not at all. Used by the inbox (inbox.ts) and by a
 * person's replay or acceptance (replay.ts), so both run the same rules.
 */
export async function applyCallback(
  tx: DbOrTx,
  delivery: ReceivedDelivery,
  options: ApplyOptions = {},
): Promise<{ outcome: DeliveryOutcome; deliveryRowId: string }> {
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
  const deliveryRowId = await writeCallback(tx, plan.write);
  options.onRecorded?.(deliveryRowId);
  return { outcome: plan.outcome, deliveryRowId };
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
