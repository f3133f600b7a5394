import "server-only";
import { getDb } from "@/db/client";
import { insertTransactionEvent, updateTransaction } from "@/db/queries/transactions";
import {
  findBuyerPhone,
  flagTransaction,
  lockCallbackKeys,
  lockCallbackRows,
} from "@/db/queries/webhooks";
import type { NewTransaction, Transaction } from "@/db/schema";
import type { CreatedPayment } from "@/channels/shared/types";
import { changeEvents, emitPaymentEvents } from "@/lib/relay/emit";
import { doublesOf, isPaidState, noDoubles } from "./double-payments";
import { decideTransition } from "./lifecycle";
import { lockPayingBuyer, sameBuyerPaidNear } from "./paying-buyer";

/**
 * Applies what a status check learnt of a payment Purwantara knows (a person's "Check
 * status" or the sweep) by the rules a callback follows: the same locks in the same
 * order (the uuid and bill keys, the buyer, then the rows), and a payment becoming
 * paid looks for its doubles (another paid payment of its bill: paid twice; the
 * buyer's same amount paid close by: maybe paid twice) and flags them both ways. The
 * row, its event, the partners' flags and the relay's events commit together.
 * Returns whether the row moved, and the relay deliveries written (to queue).
 */
export async function applySync(
  row: Transaction & { purwantaraUuid: string },
  data: CreatedPayment,
  note: string,
): Promise<{ moved: boolean; relayIds: string[] }> {
  return getDb().transaction(async (tx) => {
    const ref = { mode: row.mode, purwantaraUuid: row.purwantaraUuid, externalId: row.externalId };
    await lockCallbackKeys(tx, { ...ref, deliveryId: null });
    const preview = decideTransition(row.state, data.status);
    const mayPay = preview.kind === "advance" && isPaidState(preview.to);
    const phone = mayPay ? await findBuyerPhone(tx, ref) : null;
    await lockPayingBuyer(tx, row.mode, phone);
    const rows = await lockCallbackRows(tx, ref);
    const locked = rows.byUuid;
    const move = locked ? decideTransition(locked.state, data.status) : null;
    if (!locked || locked.id !== row.id || move?.kind !== "advance") {
      return { moved: false, relayIds: [] };
    }
    const changes: Partial<NewTransaction> = { state: move.to, rawStatus: data.status };
    if (move.to === "paid" && !locked.paidAt) changes.paidAt = new Date();
    const paidAt = changes.paidAt ?? locked.paidAt;
    const newlyPaid = isPaidState(move.to) && !isPaidState(locked.state);
    const sameBuyer =
      newlyPaid && phone ? await sameBuyerPaidNear(tx, row.mode, phone, paidAt) : [];
    const doubles = newlyPaid
      ? doublesOf({ ...locked, state: move.to, paidAt }, rows.others, sameBuyer)
      : noDoubles;
    const flags = [...new Set([...locked.flags, ...doubles.flags])];
    if (flags.length !== locked.flags.length) changes.flags = flags;
    const updated = await updateTransaction(tx, row.id, changes);
    const flagged: Transaction[] = [];
    for (const { id, flags: added } of doubles.flagRows) {
      const partner = await flagTransaction(tx, id, added);
      if (partner) flagged.push(partner);
    }
    await insertTransactionEvent(tx, {
      transactionId: row.id,
      source: "sync",
      fromState: locked.state,
      toState: move.to,
      rawStatus: data.status,
      note: [note, ...doubles.notes].join("; "),
    });
    const before = [locked, ...rows.others, ...sameBuyer];
    const state = { from: locked.state, to: move.to };
    const events = changeEvents({ row: updated, inserted: false, state, flagged, before });
    return { moved: true, relayIds: await emitPaymentEvents(tx, events) };
  });
}
