import "server-only";
import { getDb } from "@/db/client";
import {
  claimRelayDelivery,
  finishRelayTry,
  type RelayTryRecord,
} from "@/db/queries/relay-deliveries";
import {
  getRelayEndpointById,
  markRelayEndpointFailing,
  markRelayEndpointHealthy,
} from "@/db/queries/relay-endpoints";
import type { RelayDelivery, RelayEndpoint } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { getEnv } from "@/lib/env";
import { errorFacts, logFor } from "@/lib/log";
import { defaultRelaySettings, relayRetryDelaySeconds, type RelaySettings } from "./policy";
import { signingSecrets } from "./secret";
import { sendRelayMessage, type RelaySendResult } from "./send";

/** What one try did: delivered; to be tried again; given up; or nothing (not ours to send now). */
export type RelayTryResult =
  | { outcome: "delivered"; record: RelayTryRecord }
  | { outcome: "retry"; retryInSeconds: number; record: RelayTryRecord }
  | { outcome: "failed"; record: RelayTryRecord }
  | { outcome: "skipped" };

const delivered = (send: RelaySendResult) =>
  send.kind === "answered" && send.status >= 200 && send.status < 300;

/** The log's line for a try: the status and the receiver's answer, or why there was none. */
function recordOf(send: RelaySendResult): RelayTryRecord {
  if (send.kind === "unreachable")
    return { status: null, answer: `unreachable: ${send.reason}`, latencyMs: send.latencyMs };
  return { status: send.status, answer: send.answer, latencyMs: send.latencyMs };
}

/**
 * One try of one relay delivery, by a job or at once (replay, test event). The row is
 * claimed first (db: claimRelayDelivery), so however many runners hold a job for it,
 * one sends it, and not before the payment's earlier events for that endpoint are
 * done; a failure is tried again with a growing wait until its three days are up.
 */
export async function deliverRelayRow(
  id: string,
  settings: RelaySettings = defaultRelaySettings,
): Promise<RelayTryResult> {
  const row = await claimRelayDelivery(id, settings.leaseSeconds);
  if (!row) return { outcome: "skipped" };
  const endpoint = await getRelayEndpointById(row.endpointId);
  const send = await sendTo(row, endpoint, settings);
  const record = recordOf(send);
  if (delivered(send)) {
    await finishRelayTry(id, { ...record, state: "delivered" });
    await markRelayEndpointHealthy(row.endpointId);
    return { outcome: "delivered", record };
  }
  const retryInSeconds = relayRetryDelaySeconds(row.tries, settings);
  const giveUp = Date.now() + retryInSeconds * 1000 > row.giveUpAt.getTime();
  if (giveUp) await finishRelayTry(id, { ...record, state: "failed" });
  else await finishRelayTry(id, { ...record, state: "pending", retryInSeconds });
  if (endpoint) await noteFailure(endpoint, settings);
  return giveUp ? { outcome: "failed", record } : { outcome: "retry", retryInSeconds, record };
}

async function sendTo(
  row: RelayDelivery,
  endpoint: RelayEndpoint | null,
  settings: RelaySettings,
): Promise<RelaySendResult> {
  // Mode is kept: a row is only ever sent to an endpoint of its own mode.
  if (!endpoint || endpoint.mode !== row.mode)
    return { kind: "unreachable", reason: "endpoint not found in this mode", latencyMs: null };
  let secrets: string[];
  try {
    secrets = signingSecrets(endpoint);
  } catch (error) {
    logFor("relay").error({ endpointId: endpoint.id, err: errorFacts(error) }, "secret unreadable");
    return {
      kind: "unreachable",
      reason: "the endpoint's secret cannot be opened",
      latencyMs: null,
    };
  }
  return sendRelayMessage({
    id: row.id,
    url: endpoint.url,
    secret: secrets[0]!,
    previousSecret: secrets[1],
    body: JSON.stringify(row.payload),
    timeoutMs: settings.timeoutMs,
    allowPrivate: getEnv().relayAllowsPrivateTargets,
  });
}

/** A failed try: the endpoint is failing; after a whole day of it, paused, with an audit line. */
async function noteFailure(endpoint: RelayEndpoint, settings: RelaySettings): Promise<void> {
  const pauseBefore = new Date(Date.now() - settings.pauseAfterSeconds * 1000);
  await getDb().transaction(async (tx) => {
    const paused = await markRelayEndpointFailing(tx, endpoint.id, pauseBefore);
    if (!paused) return;
    await recordAudit(tx, {
      action: "relay.endpoint_paused",
      actorId: null,
      mode: paused.mode,
      target: { type: "relay_endpoint", id: paused.id },
      details: { from: paused.failingSince?.toISOString() ?? null },
    });
    logFor("relay").warn(
      { endpointId: paused.id },
      "relay endpoint paused after a day of failures",
    );
  });
}
