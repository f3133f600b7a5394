import "server-only";
import { z } from "zod";
import {
  getTransaction,
  insertTransactionEvent,
  updateTransaction,
  withLockedTransaction,
} from "@/db/queries/transactions";
import type { Transaction } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/session";
import { getChannelModule } from "@/channels/server";
import { actingMode } from "@/lib/gateway/config";
import { AppError } from "@/lib/errors";
import { getPurwantaraClient } from "@/lib/purwantara";
import { decideTransition } from "./lifecycle";

const cancelAnswerSchema = z.looseObject({ uuid: z.string().min(1) });

/**
 * Cancels an open payment at Purwantara (where the channel allows it), then moves
 * our row to CANCELLED with an event saying who asked. The callback that follows is
 * recorded as already applied.
 */
export async function cancelPayment(id: string, user: CurrentUser): Promise<Transaction> {
  const row = await getTransaction(id, await actingMode(user));
  if (!row) throw new AppError("not_found", "not_found", { key: "handoff.notCancellable" });
  const channel = getChannelModule(row.channel);
  if (!channel?.cancelPath || !row.purwantaraUuid || row.state !== "active")
    throw new AppError("conflict", "not_cancellable", { key: "handoff.notCancellable" });
  // A refusal or an outage throws a PurwantaraError, which the action reports; nothing changes here.
  await (
    await getPurwantaraClient(row.mode, { trigger: "cancel", transactionId: row.id })
  ).post(channel.cancelPath(row.purwantaraUuid), cancelAnswerSchema);
  return withLockedTransaction(id, async (tx, locked) => {
    const move = decideTransition(locked.state, "CANCELLED");
    if (move.kind !== "advance") return locked;
    const updated = await updateTransaction(tx, id, { state: move.to, rawStatus: "CANCELLED" });
    await insertTransactionEvent(tx, {
      transactionId: id,
      source: "user",
      fromState: locked.state,
      toState: move.to,
      rawStatus: "CANCELLED",
      note: `cancelled by user ${user.id}`,
    });
    return updated;
  });
}
