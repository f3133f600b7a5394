import "server-only";
import { recordDelivery } from "@/db/queries/webhooks";
import type { DeliveryOutcome } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { callbackSecrets, type CallbackSecret } from "@/lib/gateway/config";
import { readBodyWithLimit } from "@/lib/http/read-body";
import { callbackHeaders, type GatewayMode } from "@purwantara/contract";
import { logSafeError, shouldRetryLater } from "./failures";
import { receiveDelivery } from "./inbox";
import { parseBody } from "./parse";
import { deliveryValues, type ReceivedDelivery } from "./delivery";
import { quarantineDelivery } from "./quarantine";
import { countRejection } from "./rejections";
import { storableText } from "./sanitize";
import { readSelfTest } from "./self-test";
import { usableSecrets, verifyDelivery } from "./verify";

/** What became of one callback request; the route turns it into HTTP in one table. */
export type CallbackAnswer =
  | { kind: "applied"; outcome: DeliveryOutcome }
  | { kind: "received" }
  | { kind: "duplicate" }
  /** A signed self-test (./self-test.ts): verified, answered, never stored or applied. */
  | { kind: "self_test"; mode: GatewayMode }
  | { kind: "not_a_callback"; reason: string }
  | { kind: "bad_signature" }
  | { kind: "too_large" }
  | { kind: "too_slow" }
  | { kind: "unavailable" };

// A callback is one transaction as JSON: a few KiB. Anything far larger is not one.
const maxBodyBytes = 256 * 1024;
/**
 * [chosen] How long the whole body may take to arrive: a few KiB that Purwantara sends
 * at once (and it gives up after 3 s). A slower sender is cut, answered 408, and
 * nothing of it is written.
 */
export const callbackBodyDeadlineMs = 5000;
/** [chosen] How long reading the secrets (saved ones are in the database) may take. */
const secretsDeadlineMs = 1000;
/** Purwantara gives up after 3 s: the answer, the inbox insert included, comes within this. */
const answerBudgetMs = 1800;
// Headers never worth storing, should a proxy add them.
const droppedHeaders = new Set(["authorization", "cookie", "proxy-authorization"]);

/**
 * Receives one callback request: read the raw bytes (capped), verify the signature
 * over them against every usable secret (the one that matches decides the mode),
 * parse, and put the delivery in the inbox, which applies it (inbox.ts). A signed
 * delivery is never refused for being busy: the only 503 is a database that could
 * not take the inbox insert. Unsigned requests are counted; a well-formed signature
 * that matches no secret is quarantined whole, to re-verify after a secret fix.
 */
export async function receiveCallback(
  request: Request,
  options: { secrets?: readonly CallbackSecret[]; bodyDeadlineMs?: number } = {},
): Promise<CallbackAnswer> {
  const started = performance.now();
  const body = await readBodyWithLimit(request, maxBodyBytes, {
    deadlineMs: options.bodyDeadlineMs ?? callbackBodyDeadlineMs,
  });
  if (!body.ok) {
    const declared = Number(request.headers.get("content-length") ?? "0");
    countRejection(body.reason, request, null, Number.isFinite(declared) ? declared : 0);
    return { kind: body.reason };
  }
  const signature = request.headers.get(callbackHeaders.signature);
  const loaded = options.secrets ?? (await secretsInTime());
  // Saved secrets unreadable: a signed delivery may be signed with one of them, so
  // Purwantara is asked to retry; one without any signature is refused as always.
  if (!loaded && signature) return { kind: "unavailable" };
  const env = getEnv();
  const secrets = usableSecrets(loaded ?? [], {
    production: env.nodeEnv === "production",
    localDemo: env.localDemo,
  });
  const verdict = verifyDelivery(body.bytes, signature, secrets);
  if (!verdict.ok) {
    countRejection(verdict.reason, request, body.bytes, body.bytes.length);
    if (verdict.reason === "bad_signature") quarantineDelivery(request.headers, body.bytes);
    return { kind: "bad_signature" };
  }
  if (readSelfTest(body.bytes)) return { kind: "self_test", mode: verdict.mode };
  return ingestVerified(
    {
      rawBody: body.bytes,
      headers: request.headers,
      mode: verdict.mode,
      verifiedWith: verdict.slot,
    },
    answerBudgetMs - (performance.now() - started),
  );
}

/** A verified delivery (from a request, or a quarantined one re-verified): parsed, then into the inbox. */
export async function ingestVerified(
  input: {
    rawBody: Buffer;
    headers: Headers;
    mode: GatewayMode;
    verifiedWith: "current" | "previous";
  },
  budgetMs: number,
): Promise<CallbackAnswer> {
  const started = performance.now();
  const headers = Object.fromEntries(
    [...input.headers.entries()].filter(([name]) => !droppedHeaders.has(name)),
  );
  const header = input.headers.get(callbackHeaders.delivery)?.trim().slice(0, 200);
  const base = {
    deliveryId: header ? storableText(header) : null,
    headers,
    rawBody: input.rawBody,
    mode: input.mode,
    verifiedWith: input.verifiedWith,
  };
  const parsed = parseBody(input.rawBody);
  try {
    if (!parsed.ok) {
      const values = deliveryValues(
        { ...base, payload: { uuid: "", status: "" } },
        "rejected",
        parsed.reason,
        null,
      );
      await recordDelivery({ ...values, purwantaraUuid: null, rawStatus: null });
      return { kind: "not_a_callback", reason: parsed.reason };
    }
    const delivery: ReceivedDelivery = { ...base, ...parsed.delivery };
    const waitMs = Math.min(
      getEnv().callbackAnswerWaitsMs,
      budgetMs - (performance.now() - started),
    );
    const received = await receiveDelivery(delivery, waitMs);
    return received.kind === "queued" ? { kind: "received" } : received;
  } catch (error) {
    if (!shouldRetryLater(error))
      logSafeError("webhook: could not store a delivery", base.deliveryId, error);
    else
      logSafeError(
        "webhook: database unavailable, asking Purwantara to retry",
        base.deliveryId,
        error,
      );
    return { kind: "unavailable" };
  }
}

/** The callback secrets, or null when the database did not answer in time. */
async function secretsInTime(): Promise<CallbackSecret[] | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      callbackSecrets(),
      new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), secretsDeadlineMs);
      }),
    ]);
  } catch (error) {
    logSafeError("webhook: could not read the callback secrets", null, error);
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A stored delivery made ready to run again through `applyCallback` (a replay, or a
 * dry run inside a transaction that is rolled back): its bytes parsed exactly as
 * when it arrived, in the mode that verified it then, marked as a replay of it.
 */
export function replayOfStored(stored: {
  id: string;
  deliveryId: string | null;
  headers: Record<string, string>;
  rawBody: Buffer;
  mode: GatewayMode | null;
}): { ok: true; delivery: ReceivedDelivery } | { ok: false; reason: string } {
  if (!stored.mode) return { ok: false, reason: "no secret verified this delivery: no mode" };
  const parsed = parseBody(stored.rawBody);
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    delivery: {
      deliveryId: stored.deliveryId,
      headers: stored.headers,
      rawBody: stored.rawBody,
      mode: stored.mode,
      verifiedWith: null,
      replayOf: stored.id,
      ...parsed.delivery,
    },
  };
}
