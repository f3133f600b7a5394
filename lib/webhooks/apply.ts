import "server-only";
import type { DbOrTx } from "@/db/client";
import {
  findHandledDelivery,
  lockCallbackKeys,
  lockCallbackRows,
  writeCallback,
} from "@/db/queries/webhooks";
import type { DeliveryOutcome } from "@/db/schema";
import type { ReceivedDelivery } from "./delivery";
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
  const rows = await lockCallbackRows(tx, ref);
  const plan = planDelivery(delivery, { earlier, ...rows }, options);
  const deliveryRowId = await writeCallback(tx, plan.write);
  options.onRecorded?.(deliveryRowId);
  return { outcome: plan.outcome, deliveryRowId };
}
