import type { DeliveryOutcome } from "@/db/schema";
import type { CallbackPayload } from "@purwantara/contract/callback";
import type { GatewayMode } from "@purwantara/contract";
import { checkCallbackValues, withoutUnsafeUrls, type CallbackCheck, type Finding } from "./checks";

export type ReceivedDelivery = {
  deliveryId: string | null;
  headers: Record<string, string>;
  rawBody: Buffer;
  /** The parsed body, made storable (see sanitize.ts). */
  payload: CallbackPayload;
  /** The mode whose secret verified it: it reads, matches and changes only that mode's rows. */
  mode: GatewayMode;
  /** Which of the mode's secrets verified it (current or previous); null for a replay. */
  verifiedWith: "current" | "previous" | null;
  /** Why a person must look before this delivery may change anything, found before the database. */
  review: string | null;
  /** How the stored copies differ from the raw body, added to the recorded reason. */
  note: string | null;
  /** Set by a replay: the stored delivery it replays (replays sit outside the dedupe index). */
  replayOf?: string | null;
};

/** The delivery after the checks that need no database: unsafe addresses dropped, findings noted. */
export function prepare(received: ReceivedDelivery) {
  // An unsafe buyer address is dropped and flagged; the rest of the callback still counts.
  const safe = withoutUnsafeUrls(received.payload, received.mode);
  const delivery: ReceivedDelivery = { ...received, payload: safe.payload };
  const check: CallbackCheck = delivery.review
    ? { ok: false, reason: delivery.review, flags: [] }
    : checkCallbackValues(delivery.payload);
  const extra: Finding[] = safe.note ? [{ flag: "unsafe_url", note: safe.note }] : [];
  return { delivery, check, extra };
}

/** The one builder of a `webhook_deliveries` row for a signed delivery. */
export function deliveryValues(
  delivery: Pick<
    ReceivedDelivery,
    "deliveryId" | "headers" | "rawBody" | "mode" | "verifiedWith" | "replayOf"
  > & {
    payload: Pick<CallbackPayload, "uuid" | "status">;
  },
  outcome: DeliveryOutcome,
  reason: string,
  transactionId: string | null,
) {
  return {
    deliveryId: delivery.deliveryId,
    headers: delivery.headers,
    rawBody: delivery.rawBody,
    signatureValid: true,
    outcome,
    reason,
    purwantaraUuid: delivery.payload.uuid,
    rawStatus: delivery.payload.status,
    transactionId,
    mode: delivery.mode,
    verifiedWith: delivery.verifiedWith,
    replayOf: delivery.replayOf ?? null,
  };
}
