import "server-only";
import { getDb } from "@/db/client";
import { checkReadReplica, type ReplicaState } from "@/db/read-replica";
import { getModeHealth, type ModeHealth } from "@/db/queries/callback-health";
import { inboxDepth } from "@/db/queries/inbox";
import { countRejectedSince, type RejectionReason } from "@/db/queries/callback-rejections";
import { gatewayConfigs } from "@/lib/gateway/config";
import type { GatewayMode } from "@purwantara/contract";

const signatureReasons: readonly RejectionReason[] = [
  "no_signature",
  "bad_signature",
  "ambiguous_secret",
];

export type CallbackHealth = {
  modes: ModeHealth[];
  rejectedLastDay: number;
  /** Deliveries on disk not yet applied (every mode), and since when the oldest waits. */
  inbox: { pending: number; oldestAt: Date | null };
  /** The finance reads' replica (DATABASE_READ_URL): in use, behind, unreachable or none. */
  readReplica: ReplicaState;
};

/** The health panel's figures: every configured mode (or just `mode`), and the last day's refused requests (callback_rejections). */
export async function getCallbackHealth(mode?: GatewayMode): Promise<CallbackHealth> {
  const modes = mode ? [mode] : (await gatewayConfigs()).map((c) => c.mode);
  const since = new Date(Date.now() - 24 * 60 * 60 * 1000);
  const [perMode, rejected, inbox, readReplica] = await Promise.all([
    Promise.all(modes.map((m) => getModeHealth(m))),
    // Counted per reason per minute by the callback route (rejections.ts); they carry no mode.
    countRejectedSince(since),
    inboxDepth(getDb()),
    checkReadReplica(),
  ]);
  // The panel's figure is requests whose signature matched no secret (what a wrong
  // secret looks like); an oversized body or a GET is no sign of one.
  const rejectedLastDay = signatureReasons.reduce((n, r) => n + (rejected.byReason[r] ?? 0), 0);
  return { modes: perMode, rejectedLastDay, inbox, readReplica };
}
