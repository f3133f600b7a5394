import "server-only";
import { recordDelivery } from "@/db/queries/webhooks";
import type { DeliveryOutcome, NewWebhookDelivery } from "@/db/schema";
import { callbackIdentitySchema, callbackSchema } from "@/lib/purwantara/callback";
import type { DbOrTx } from "@/db/client";
import type { CallbackSecret } from "@/lib/gateway/config";
import type { TransactionFlag } from "@/lib/payments/flags";
import { callbackHeaders, type GatewayMode } from "@/lib/purwantara/contract";
import { applyCallback, type ReceivedDelivery } from "./apply";
import { logSafeError, shouldRetryLater } from "./failures";
import { countRejection } from "./rejections";
import { verifyDelivery } from "./verify";
import { describeChanges, sanitizeJson, storableText } from "./sanitize";

export type IngestResult = {
  status: 200 | 400 | 401 | 503;
  body: { ok: boolean; outcome?: DeliveryOutcome; error?: string };
};

export type IngestInput = {
  rawBody: Buffer;
  headers: Headers;
  /** Every secret that may verify a callback, each tagged with its mode and slot (callbackSecrets()). */
  secrets: readonly CallbackSecret[];
  /** For the rejection sample; POST when absent. */
  method?: string;
};

// Headers never worth storing, should a proxy add them.
const droppedHeaders = new Set(["authorization", "cookie", "proxy-authorization"]);
// Fields the app acts on: a stored copy that differs from the body there needs a person.
const readFields = [
  "uuid",
  "status",
  "external_id",
  "amount",
  "expected_amount",
  "paid_at",
  "settle_at",
  "expires_at",
  "expired_at",
  "payment_link_url",
  "event.type",
  "event.channel",
];
const unavailable: IngestResult = {
  status: 503,
  body: { ok: false, error: "temporarily unavailable" },
};
/** Purwantara gives up after 3 s: everything, recording a failure included, fits in this. */
const budgetMs = 1700;

/**
 * Receives one callback delivery: verify the signature over the raw bytes (the
 * secret that matches decides the delivery's mode), parse, apply within that mode,
 * and record the delivery whatever its fate. A signed delivery is answered 200
 * (applied or held for review), 400 (not a callback at all) or 503 (the database
 * could not commit in time: Purwantara retries), never 500. A request no secret
 * verifies is answered 401 and only counted (see rejections.ts), never stored.
 *
 * `options` lets a replay run the same code inside its own transaction.
 */
export async function ingestCallback(
  input: IngestInput,
  options: { tx?: DbOrTx; replayOf?: string | null } = {},
): Promise<IngestResult> {
  const started = performance.now();
  const left = () => budgetMs - (performance.now() - started);
  const signature = input.headers.get(callbackHeaders.signature);
  const verdict = verifyDelivery(input.rawBody, signature, input.secrets);
  if (!verdict.ok) {
    // Anyone can send these: counted per reason per minute, a few samples kept.
    countRejection(
      verdict.reason,
      { method: input.method ?? "POST", headers: input.headers },
      input.rawBody,
      input.rawBody.length,
    );
    return { status: 401, body: { ok: false, error: "invalid signature" } };
  }

  const headers = Object.fromEntries(
    [...input.headers.entries()].filter(([name]) => !droppedHeaders.has(name)),
  );
  const header = input.headers.get(callbackHeaders.delivery)?.trim().slice(0, 200);
  const deliveryId = header ? storableText(header) : null;
  const base = {
    deliveryId,
    headers,
    rawBody: input.rawBody,
    mode: verdict.mode,
    verifiedWith: verdict.slot,
    replayOf: options.replayOf ?? null,
  };

  const parsed = parseBody(input.rawBody);
  if (!parsed.ok) {
    const recorded = await recordQuietly(
      { ...base, signatureValid: true, outcome: "rejected", reason: parsed.reason },
      left(),
    );
    return recorded ? { status: 400, body: { ok: false, error: parsed.reason } } : unavailable;
  }

  const delivery: ReceivedDelivery = { ...base, ...parsed.delivery };
  try {
    const outcome = await applyCallback(delivery, { tx: options.tx, deadlineMs: left() - 300 });
    return { status: 200, body: { ok: true, outcome } };
  } catch (error) {
    if (options.tx) throw error;
    if (shouldRetryLater(error)) {
      logSafeError(
        "webhook: database unavailable or too slow, asking Purwantara to retry",
        deliveryId,
        error,
      );
      return unavailable;
    }
    logSafeError("webhook: could not apply delivery; held for review", deliveryId, error);
    const recorded = await recordQuietly(
      {
        ...base,
        signatureValid: true,
        outcome: "needs_review",
        reason: storableText(`could not apply: ${errorText(error)}`).slice(0, 500),
        purwantaraUuid: delivery.payload.uuid,
        rawStatus: delivery.payload.status,
      },
      // Not the database's slowness but the delivery's own failure: worth 300 ms to keep it.
      Math.max(left(), 300),
      ["needs_review"],
    );
    return recorded ? { status: 200, body: { ok: true, outcome: "needs_review" } } : unavailable;
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

type Parsed =
  | { ok: true; delivery: Pick<ReceivedDelivery, "payload" | "review" | "note"> }
  | { ok: false; reason: string };

function parseBody(rawBody: Buffer): Parsed {
  let json: unknown;
  try {
    json = JSON.parse(rawBody.toString("utf8"));
  } catch {
    return { ok: false, reason: "body is not JSON" };
  }
  const { value, changes } = sanitizeJson(json);
  const note = changes.length > 0 ? describeChanges(changes) : null;
  // The full shape first (the common case); what is wrong is asked only when it fails.
  const result = callbackSchema.safeParse(value);
  if (!result.success) {
    const identity = callbackIdentitySchema.safeParse(value);
    if (!identity.success) {
      return {
        ok: false,
        reason: `body is not a Purwantara callback (${issuesOf(identity.error)})`,
      };
    }
    const { uuid, status } = identity.data;
    const review = `fields not as expected (${issuesOf(result.error)})`;
    return { ok: true, delivery: { payload: { uuid, status }, review, note } };
  }
  const altered = changes.filter((c) =>
    readFields.some(
      (f) => c.path === f || c.path.startsWith(`${f}.`) || c.path.startsWith(`${f}[`),
    ),
  );
  const review =
    altered.length > 0
      ? `unstorable value in a field the app reads: ${describeChanges(altered)}`
      : null;
  return { ok: true, delivery: { payload: result.data, review, note } };
}

function issuesOf(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return storableText(
    error.issues
      .slice(0, 5)
      .map((i) => `${i.path.map(String).join(".") || "body"}: ${i.message}`)
      .join("; "),
  ).slice(0, 400);
}

/** Records a delivery; false when it could not be (the database is down or slow). */
async function recordQuietly(
  values: NewWebhookDelivery,
  deadlineMs: number,
  flags?: readonly TransactionFlag[],
): Promise<boolean> {
  if (deadlineMs < 50) return false;
  try {
    await recordDelivery(values, { deadlineMs, flags });
    return true;
  } catch (error) {
    // The answer to Purwantara must not wait on this record beyond its time limit.
    logSafeError(
      `webhook: could not record a ${values.outcome} delivery`,
      values.deliveryId ?? null,
      error,
    );
    return false;
  }
}

/** The innermost message: a query wrapper's own message lists the parameters, the payload. */
function errorText(error: unknown): string {
  let e: unknown = error;
  while (e instanceof Error && e.cause instanceof Error) e = e.cause;
  return e instanceof Error ? e.message : String(e);
}
