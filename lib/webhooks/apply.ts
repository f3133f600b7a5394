import "server-only";
import type { DbOrTx } from "@/db/client";
import {
  insertTransactionEvent,
  insertTransactionFromCallback,
  lockTransactionByReference,
  updateTransaction,
} from "@/db/queries/transactions";
import { findHandledDelivery, insertDelivery, withDeliveryLock } from "@/db/queries/webhooks";
import type { DeliveryOutcome, NewTransaction, Transaction } from "@/db/schema";
import { stateForStatus } from "@/lib/payments/lifecycle";
import { getChannelModule } from "@/lib/channels";
import { callbackTime, channelForCallback, type CallbackPayload } from "@/lib/purwantara/callback";
import type { GatewayMode } from "@/lib/purwantara/contract";
import { checkCallbackValues, withoutUnsafeUrls } from "./checks";
import { decide } from "./decide";

/**
 * How a person's replay or acceptance runs this same code (lib/webhooks/replay.ts).
 * A live callback passes none of these.
 */
export type ApplyOptions = {
  /** Run inside this open transaction, which the caller commits or rolls back. */
  tx?: DbOrTx;
  /** Record the outcome as a new row replaying this stored delivery: no delivery id, no dedupe. */
  replayOf?: string;
  /** A person accepted the delivery: review holds no longer stop it; the lifecycle still decides. */
  accept?: boolean;
  /** Told the id of the delivery row this run recorded. */
  onRecorded?: (id: string) => void;
};

export type ReceivedDelivery = {
  deliveryId: string | null;
  headers: Record<string, string>;
  rawBody: Buffer;
  /** The parsed body, made storable (see sanitize.ts). */
  payload: CallbackPayload;
  mode: GatewayMode;
  /** Why a person must look before this delivery may change anything, found before the database. */
  review: string | null;
  /** How the stored copies differ from the raw body, added to the recorded reason. */
  note: string | null;
};

/**
 * Applies a verified callback in one database transaction: the delivery row, the
 * transaction's new status and its event commit together or not at all. Odd values
 * are recorded as `needs_review` and change nothing; a delivery id seen before with a
 * different body is a `conflict`.
 */
export async function applyCallback(
  received: ReceivedDelivery,
  options: ApplyOptions = {},
): Promise<DeliveryOutcome> {
  // An unsafe buyer address is dropped and noted; the rest of the callback still counts.
  const safe = withoutUnsafeUrls(received.payload, received.mode);
  const note = [received.note, safe.note].filter(Boolean).join("; ") || null;
  const delivery: ReceivedDelivery = { ...received, payload: safe.payload, note };
  return withDeliveryLock(delivery.deliveryId, options.tx, async (tx) => {
    const record = (outcome: DeliveryOutcome, reason: string, transactionId: string | null) =>
      insertDelivery(
        {
          deliveryId: options.replayOf ? null : delivery.deliveryId,
          replayOf: options.replayOf ?? null,
          mode: delivery.mode,
          headers: delivery.headers,
          rawBody: delivery.rawBody,
          signatureValid: true,
          outcome,
          reason: delivery.note ? `${reason}; ${delivery.note}` : reason,
          purwantaraUuid: delivery.payload.uuid,
          rawStatus: delivery.payload.status,
          transactionId,
        },
        tx,
      ).then((id) => {
        options.onRecorded?.(id);
        return id;
      });
    const held = async (outcome: DeliveryOutcome, reason: string) => {
      const row = await lockTransactionByReference(tx, referenceOf(delivery));
      await record(outcome, reason, row?.id ?? null);
      return outcome;
    };

    if (delivery.deliveryId && !options.replayOf) {
      const earlier = await findHandledDelivery(tx, delivery.deliveryId, delivery.rawBody);
      if (earlier?.sameBody) {
        await record("duplicate", `delivery ${delivery.deliveryId} was already processed`, null);
        return "duplicate";
      }
      if (earlier) {
        return held(
          "conflict",
          `delivery ${delivery.deliveryId} was already processed (row ${earlier.id}) with a different body; not applied`,
        );
      }
    }
    const check = delivery.review
      ? ({ ok: false, reason: delivery.review } as const)
      : checkCallbackValues(delivery.payload);
    if (!check.ok && !options.accept) return held("needs_review", check.reason);
    // Accepted by a person: our record's amount stands in for one that failed the checks.
    const acceptedRow = check.ok
      ? null
      : await lockTransactionByReference(tx, referenceOf(delivery));
    if (!check.ok && !acceptedRow)
      return held("needs_review", `${check.reason}; no transaction of this mode to accept it for`);
    const amount = check.ok ? check.amount : acceptedRow!.amount;

    const existing = await findOrCreate(tx, delivery, amount);
    if (existing.created) {
      const row = existing.row;
      const deliveryRowId = await record("unmatched", existing.reason, row.id);
      await insertTransactionEvent(tx, {
        transactionId: row.id,
        source: "webhook",
        fromState: null,
        toState: row.state,
        rawStatus: delivery.payload.status,
        deliveryId: deliveryRowId,
        note: "first seen in a callback",
      });
      return "unmatched";
    }
    // The money must be what we asked for: a different amount waits for a person.
    if (!options.accept && !sameDecimal(amount, existing.row.amount)) {
      return held(
        "needs_review",
        `amount ${amount} differs from our record ${existing.row.amount}`,
      );
    }
    const decision = decide(existing.row, delivery.payload);
    const updated = decision.changes
      ? await updateTransaction(tx, existing.row.id, decision.changes)
      : existing.row;
    const deliveryRowId = await record(decision.outcome, decision.reason, existing.row.id);
    if (decision.outcome === "applied") {
      await insertTransactionEvent(tx, {
        transactionId: existing.row.id,
        source: "webhook",
        fromState: existing.row.state,
        toState: updated.state,
        rawStatus: delivery.payload.status,
        deliveryId: deliveryRowId,
        // An advance speaks for itself in the timeline; anything else needs its reason.
        note: updated.state === existing.row.state ? decision.reason : null,
      });
    }
    return decision.outcome;
  });
}

/** What identifies a callback's transaction: its ids, within the mode whose secret verified it. */
/** Equal as decimals ("10000" and "10000.0000"), compared exactly, without floats. */
function sameDecimal(a: string, b: string): boolean {
  const norm = (v: string) => {
    const [whole = "0", fraction = ""] = v.replace(/^(-?)0+(?=\d)/, "$1").split(".");
    return `${whole}.${fraction.replace(/0+$/, "")}`;
  };
  return norm(a) === norm(b);
}

function referenceOf({ payload, mode }: ReceivedDelivery) {
  return { purwantaraUuid: payload.uuid, externalId: payload.external_id ?? null, mode };
}

async function findOrCreate(
  tx: DbOrTx,
  delivery: ReceivedDelivery,
  amount: string,
): Promise<{ row: Transaction; created: boolean; reason: string }> {
  const ref = referenceOf(delivery);
  const found = await lockTransactionByReference(tx, ref);
  if (found) return { row: found, created: false, reason: "" };
  const { values, reason } = transactionFromCallback(delivery, amount);
  const inserted = await insertTransactionFromCallback(tx, values);
  if (inserted) return { row: inserted, created: true, reason };
  // Another delivery for the same transaction inserted it first: use that row.
  const raced = await lockTransactionByReference(tx, ref);
  if (!raced)
    throw new Error(`callback for ${ref.purwantaraUuid}: insert conflicted but no row found`);
  return { row: raced, created: false, reason: "" };
}

function transactionFromCallback(
  delivery: ReceivedDelivery,
  amount: string,
): {
  values: NewTransaction;
  reason: string;
} {
  const p = delivery.payload;
  const channel = channelForCallback(p);
  const state = stateForStatus(p.status) ?? "active";
  return {
    values: {
      mode: delivery.mode,
      channel: channel ?? "payment-link",
      paymentChannel: p.event?.channel ?? null,
      externalId: p.external_id ?? null,
      purwantaraUuid: p.uuid,
      title: p.title ?? null,
      description: p.description ?? null,
      amount,
      rawStatus: p.status,
      state,
      ...(channel ? getChannelModule(channel)?.callbackFacts(p) : {}),
      expiresAt: callbackTime(p.expires_at ?? p.expired_at),
      paidAt: callbackTime(p.paid_at),
      settledAt: callbackTime(p.settle_at),
      lastResponse: p,
    },
    reason:
      "no transaction with this uuid or external_id; recorded from the callback" +
      (channel ? "" : ` (unknown event.type ${JSON.stringify(p.event?.type ?? null)})`),
  };
}
