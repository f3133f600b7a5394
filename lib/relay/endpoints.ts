import "server-only";
import { randomUUID } from "node:crypto";
import { getDb } from "@/db/client";
import { insertRelayDeliveries, requeueRelayDelivery } from "@/db/queries/relay-deliveries";
import {
  deleteRelayEndpoint,
  getRelayEndpoint,
  insertRelayEndpoint,
  updateRelayEndpoint,
} from "@/db/queries/relay-endpoints";
import type { RelayEndpoint } from "@/db/schema";
import { recordAudit, type AuditAction } from "@/lib/audit/record";
import type { GatewayMode } from "@/lib/core/modes";
import { relayTestEvent } from "@/lib/core/relay-events";
import { AppError } from "@/lib/errors";
import { queueRelayTries } from "@/lib/jobs/enqueue";
import type { RelayEndpointInput } from "./endpoint-schema";
import { relayGiveUpAfterSeconds, relaySecretOverlapSeconds } from "./policy";
import { newRelaySecret, openRelaySecret, sealRelaySecret } from "./secret";

/** Who acts, in which mode: every change is scoped to the mode and audited. */
export type RelayActor = { userId: string; mode: GatewayMode; ip: string | null };

const notFound = () =>
  new AppError("not_found", "relay endpoint not found", { key: "relay.notFound" });

function audit(actor: RelayActor, action: AuditAction, id: string, details = {}) {
  return (tx: Parameters<typeof recordAudit>[0]) =>
    recordAudit(tx, {
      action,
      actorId: actor.userId,
      mode: actor.mode,
      ip: actor.ip,
      target: { type: "relay_endpoint", id },
      details,
    });
}

/** Adds an endpoint in the actor's mode with a fresh secret, returned once (to show once). */
export async function addRelayEndpoint(actor: RelayActor, input: RelayEndpointInput) {
  const id = randomUUID();
  const secret = newRelaySecret();
  const endpoint = await getDb().transaction(async (tx) => {
    const row = await insertRelayEndpoint(tx, {
      id,
      ...input,
      mode: actor.mode,
      secretSealed: sealRelaySecret(id, secret),
      createdBy: actor.userId,
    });
    await audit(actor, "relay.endpoint_added", id, { fields: ["url", "events"] })(tx);
    return row;
  });
  return { endpoint, secret };
}

export async function changeRelayEndpoint(
  actor: RelayActor,
  id: string,
  input: RelayEndpointInput,
): Promise<RelayEndpoint> {
  return getDb().transaction(async (tx) => {
    const before = await getRelayEndpoint(tx, actor.mode, id);
    if (!before) throw notFound();
    const row = await updateRelayEndpoint(tx, actor.mode, id, input);
    const changedFields = (["url", "description", "events"] as const).filter(
      (k) => String(before[k]) !== String(input[k]),
    );
    await audit(actor, "relay.endpoint_changed", id, { changedFields })(tx);
    return row ?? before;
  });
}

/** Pauses (events wait) or resumes (the failing clock starts again) an endpoint. */
export async function setRelayEndpointPaused(actor: RelayActor, id: string, paused: boolean) {
  const row = await getDb().transaction(async (tx) => {
    const changed = await updateRelayEndpoint(
      tx,
      actor.mode,
      id,
      paused
        ? { pausedAt: new Date(), pausedReason: "admin" }
        : { pausedAt: null, pausedReason: null, failingSince: null },
    );
    if (!changed) throw notFound();
    await audit(actor, paused ? "relay.endpoint_paused" : "relay.endpoint_resumed", id)(tx);
    return changed;
  });
  return row;
}

export async function removeRelayEndpoint(actor: RelayActor, id: string): Promise<void> {
  await getDb().transaction(async (tx) => {
    if (!(await deleteRelayEndpoint(tx, actor.mode, id))) throw notFound();
    await audit(actor, "relay.endpoint_deleted", id)(tx);
  });
}

/**
 * A new secret for the endpoint, returned once. The old one keeps signing beside it
 * for `relaySecretOverlapSeconds` (events carry both signatures), so the receiver can
 * switch without refusing anything; a second rotation within that day retires the
 * first old secret at once.
 */
export async function rotateRelaySecret(
  actor: RelayActor,
  id: string,
): Promise<{ secret: string; previousUntil: Date }> {
  const secret = newRelaySecret();
  const previousUntil = new Date(Date.now() + relaySecretOverlapSeconds * 1000);
  await getDb().transaction(async (tx) => {
    const before = await getRelayEndpoint(tx, actor.mode, id);
    if (!before) throw notFound();
    const previous = openRelaySecret(id, before.secretSealed);
    await updateRelayEndpoint(tx, actor.mode, id, {
      secretSealed: sealRelaySecret(id, secret),
      previousSecretSealed: sealRelaySecret(id, previous, "previous"),
      previousSecretUntil: previousUntil,
    });
    await audit(actor, "relay.secret_rotated", id)(tx);
  });
  return { secret, previousUntil };
}

/**
 * Sends a delivered or given-up event again: queued at once, tried by the job queue (its
 * try shows in the log when it is made), so the admin never waits on the receiver.
 */
export async function replayRelayDelivery(
  actor: RelayActor,
  endpointId: string,
  deliveryId: string,
): Promise<void> {
  await getDb().transaction(async (tx) => {
    if (!(await getRelayEndpoint(tx, actor.mode, endpointId))) throw notFound();
    const row = await requeueRelayDelivery(tx, endpointId, deliveryId, relayGiveUpAfterSeconds);
    if (!row) throw new AppError("conflict", "delivery is still open", { key: "relay.stillOpen" });
    await audit(actor, "relay.replayed", endpointId, { replayId: deliveryId })(tx);
  });
  await queueRelayTries([deliveryId]);
}

/** Writes a test event for one endpoint and queues its first try at once (the log shows it). */
export async function sendRelayTestEvent(actor: RelayActor, endpointId: string): Promise<void> {
  const [id] = await getDb().transaction(async (tx) => {
    const endpoint = await getRelayEndpoint(tx, actor.mode, endpointId);
    if (!endpoint) throw notFound();
    const ids = await insertRelayDeliveries(
      tx,
      [
        {
          endpointId,
          mode: actor.mode,
          eventType: relayTestEvent,
          eventKey: `${relayTestEvent}:${randomUUID()}`,
          transactionId: null,
          payload: {
            type: relayTestEvent,
            timestamp: new Date().toISOString(),
            data: { mode: actor.mode, endpoint_id: endpointId },
          },
        },
      ],
      relayGiveUpAfterSeconds,
    );
    await audit(actor, "relay.test_sent", endpointId)(tx);
    return ids;
  });
  await queueRelayTries(id ? [id] : []);
}
