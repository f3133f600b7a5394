import "server-only";
import { recordDelivery } from "@/db/queries/webhooks";
import type { DeliveryOutcome, NewWebhookDelivery } from "@/db/schema";
import { callbackIdentitySchema, callbackSchema } from "@/lib/purwantara/callback";
import { callbackHeaders, type GatewayMode } from "@/lib/purwantara/contract";
import { verifyCallbackSignature } from "@/lib/purwantara/signature";
import { applyCallback, type ReceivedDelivery } from "./apply";
import { logSafeError, shouldRetryLater } from "./failures";
import { describeChanges, sanitizeJson, storableText } from "./sanitize";

export type IngestResult = {
  status: 200 | 400 | 401 | 503;
  body: { ok: boolean; outcome?: DeliveryOutcome; error?: string };
};

export type IngestInput = {
  rawBody: Buffer;
  headers: Headers;
  secrets: readonly string[];
  mode: GatewayMode;
};

const unsignedBodyKeptBytes = 4096;
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

/**
 * Receives one callback delivery: verify the signature over the raw bytes, parse,
 * apply in one database transaction, and record the delivery whatever its fate. A
 * signed delivery is answered 200 (applied or held for review), 400 (not a callback
 * at all) or 503 (the database could not commit in time: Purwantara retries), never 500.
 */
export async function ingestCallback(input: IngestInput): Promise<IngestResult> {
  const headers = Object.fromEntries(
    [...input.headers.entries()].filter(([name]) => !droppedHeaders.has(name)),
  );
  const header = input.headers.get(callbackHeaders.delivery)?.trim().slice(0, 200);
  const deliveryId = header ? storableText(header) : null;
  const base = { deliveryId, headers, rawBody: input.rawBody };

  const signature = input.headers.get(callbackHeaders.signature);
  if (!verifyCallbackSignature(input.rawBody, signature, input.secrets)) {
    const reason = `${signature ? "signature does not match the body" : "no Signature header"} (${input.rawBody.length} bytes)`;
    // Anyone can send these: keep enough to investigate, not enough to fill the disk.
    const rawBody = input.rawBody.subarray(0, unsignedBodyKeptBytes);
    await recordQuietly({ ...base, rawBody, signatureValid: false, outcome: "rejected", reason });
    return { status: 401, body: { ok: false, error: "invalid signature" } };
  }

  const parsed = parseBody(input.rawBody);
  if (!parsed.ok) {
    const recorded = await recordQuietly({
      ...base,
      mode: input.mode,
      signatureValid: true,
      outcome: "rejected",
      reason: parsed.reason,
    });
    return recorded ? { status: 400, body: { ok: false, error: parsed.reason } } : unavailable;
  }

  const delivery: ReceivedDelivery = { ...base, ...parsed.delivery, mode: input.mode };
  try {
    const outcome = await applyCallback(delivery);
    return { status: 200, body: { ok: true, outcome } };
  } catch (error) {
    if (shouldRetryLater(error)) {
      logSafeError(
        "webhook: database unavailable or too slow, asking Purwantara to retry",
        deliveryId,
        error,
      );
      return unavailable;
    }
    logSafeError("webhook: could not apply delivery; held for review", deliveryId, error);
    const recorded = await recordQuietly({
      ...base,
      mode: input.mode,
      signatureValid: true,
      outcome: "needs_review",
      reason: storableText(`could not apply: ${errorText(error)}`).slice(0, 500),
      purwantaraUuid: delivery.payload.uuid,
      rawStatus: delivery.payload.status,
    });
    return recorded ? { status: 200, body: { ok: true, outcome: "needs_review" } } : unavailable;
  }
}

export type Parsed =
  | { ok: true; delivery: Pick<ReceivedDelivery, "payload" | "review" | "note"> }
  | { ok: false; reason: string };

/** A raw body read as a callback; a replay (replay.ts) reads a stored body the same way. */
export function parseBody(rawBody: Buffer): Parsed {
  let json: unknown;
  try {
    json = JSON.parse(rawBody.toString("utf8"));
  } catch {
    return { ok: false, reason: "body is not JSON" };
  }
  const { value, changes } = sanitizeJson(json);
  const identity = callbackIdentitySchema.safeParse(value);
  if (!identity.success) {
    return { ok: false, reason: `body is not a Purwantara callback (${issuesOf(identity.error)})` };
  }
  const note = changes.length > 0 ? describeChanges(changes) : null;
  const result = callbackSchema.safeParse(value);
  if (!result.success) {
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
async function recordQuietly(values: NewWebhookDelivery): Promise<boolean> {
  try {
    await recordDelivery(values);
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
