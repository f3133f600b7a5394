import "server-only";
import { queueRelayDispatch } from "@/lib/jobs/enqueue";
import { z } from "zod";
import {
  getTransaction,
  insertTransactionEvent,
  updateTransaction,
  withLockedTransaction,
} from "@/db/queries/transactions";
import type { Transaction } from "@/db/schema";
import { getChannelModule } from "@/channels/server";
import type { ChannelModule, CreatedPayment } from "@/channels/shared/types";
import { AppError } from "@/lib/errors";
import { getPurwantaraClient } from "@/lib/purwantara";
import type { GatewayMode } from "@purwantara/contract";
import { applySync } from "./apply-sync";
import { createdSchema, recordCreated } from "./create-payment";

export type StatusCheck = "updated" | "unchanged" | "not_found_at_gateway";

/** Who asked: a person's "Check status" button, or the scheduled sweep (lib/jobs). */
export type StatusCheckVia = "button" | "sweep";

const checkNote: Record<StatusCheckVia, string> = {
  button: "status check",
  sweep: "status sweep",
};

/**
 * "Check status": asks Purwantara about one payment and settles our row either way.
 * With its uuid, the channel's inquiry endpoint; without one (the create got no clear
 * answer), the channel's list, searched for our reference. A payment Purwantara does
 * not have becomes *Not created*, so the merchant can safely create it again.
 * The scheduled sweep applies what it learns through this same function.
 */
export async function checkPaymentStatus(
  id: string,
  mode: GatewayMode,
  via: StatusCheckVia = "button",
): Promise<StatusCheck> {
  const row = await getTransaction(id, mode);
  if (!row) throw new AppError("not_found", "not_found", { key: "handoff.cannotCheck" });
  const channel = getChannelModule(row.channel);
  if (!channel) throw new AppError("conflict", "cannot_check", { key: "handoff.cannotCheck" });
  if (row.purwantaraUuid && channel.inquiryPath) return syncKnown(row, channel, via);
  if (!row.purwantaraUuid && row.state === "unconfirmed" && channel.listPath)
    return findByReference(row, channel, channel.listPath, via);
  throw new AppError("conflict", "cannot_check", { key: "handoff.cannotCheck" });
}

const callContext = (row: Transaction, via: StatusCheckVia) =>
  ({ trigger: via === "sweep" ? "sweep" : "check", transactionId: row.id }) as const;

async function syncKnown(
  row: Transaction,
  channel: ChannelModule,
  via: StatusCheckVia,
): Promise<StatusCheck> {
  const known = { ...row, purwantaraUuid: row.purwantaraUuid! };
  const path = channel.inquiryPath!(known.purwantaraUuid);
  const client = await getPurwantaraClient(row.mode, callContext(row, via));
  const { data } = await client.get(path, createdSchema(channel));
  return applyChecked(known, data, via);
}

async function findByReference(
  row: Transaction,
  channel: ChannelModule,
  listPath: string,
  via: StatusCheckVia,
): Promise<StatusCheck> {
  const client = await getPurwantaraClient(row.mode, callContext(row, via));
  const { data, body } = await client.get(listPath, z.array(z.unknown()));
  const match = data.find((item) => {
    const reference = z.looseObject({ external_id: z.string().nullish() }).safeParse(item);
    return reference.success && reference.data.external_id === row.externalId;
  });
  const found = match === undefined ? null : channel.readCreated(match);
  if (found) {
    await recordCreated(row.id, found, body, "sync");
    return "updated";
  }
  await withLockedTransaction(row.id, async (tx, locked) => {
    if (locked.state !== "unconfirmed") return;
    await updateTransaction(tx, row.id, { state: "failed_to_create" });
    await insertTransactionEvent(tx, {
      transactionId: row.id,
      source: "sync",
      fromState: "unconfirmed",
      toState: "failed_to_create",
      note: `${checkNote[via]}: Purwantara has no payment with this reference`,
    });
  });
  return "not_found_at_gateway";
}

/** Applies a check's answer (apply-sync.ts) and queues the relay events it wrote. */
async function applyChecked(
  row: Transaction & { purwantaraUuid: string },
  data: CreatedPayment,
  via: StatusCheckVia,
): Promise<StatusCheck> {
  const { moved, relayIds } = await applySync(row, data, checkNote[via]);
  if (relayIds.length > 0) await queueRelayDispatch();
  return moved ? "updated" : "unchanged";
}
