import "server-only";
import { insertDelivery } from "@/db/queries/webhooks";
import type { DeliveryOutcome } from "@/db/schema";
import { isDatabaseUnavailable } from "@/lib/errors";
import { callbackSchema } from "@/lib/purwantara/callback";
import { callbackHeaders, type GatewayMode } from "@/lib/purwantara/contract";
import { verifyCallbackSignature } from "@/lib/purwantara/signature";
import { applyCallback } from "./apply";

export type IngestResult = {
  status: 200 | 400 | 401 | 500 | 503;
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

/**
 * Receives one callback delivery: verify the signature over the raw bytes, parse,
 * apply in one database transaction, and record the delivery whatever its fate.
 */
export async function ingestCallback(input: IngestInput): Promise<IngestResult> {
  const headers = Object.fromEntries(
    [...input.headers.entries()].filter(([name]) => !droppedHeaders.has(name)),
  );
  const deliveryId = input.headers.get(callbackHeaders.delivery)?.trim().slice(0, 200) || null;
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
    await recordQuietly({
      ...base,
      signatureValid: true,
      outcome: "rejected",
      reason: parsed.reason,
    });
    return { status: 400, body: { ok: false, error: parsed.reason } };
  }

  try {
    const outcome = await applyCallback({ ...base, payload: parsed.payload, mode: input.mode });
    return { status: 200, body: { ok: true, outcome } };
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      console.error("webhook: database unavailable, asking Purwantara to retry:", errorText(error));
      return { status: 503, body: { ok: false, error: "temporarily unavailable" } };
    }
    console.error("webhook: could not apply delivery", deliveryId, error);
    await recordQuietly({
      ...base,
      signatureValid: true,
      outcome: "error",
      reason: errorText(error).slice(0, 500),
      purwantaraUuid: parsed.payload.uuid,
      rawStatus: parsed.payload.status,
    });
    return { status: 500, body: { ok: false, error: "could not apply" } };
  }
}

function parseBody(
  rawBody: Buffer,
): { ok: true; payload: ReturnType<typeof callbackSchema.parse> } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(rawBody.toString("utf8"));
  } catch {
    return { ok: false, reason: "body is not JSON" };
  }
  const result = callbackSchema.safeParse(json);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`);
    return { ok: false, reason: `body is not a Purwantara callback (${issues.join("; ")})` };
  }
  return { ok: true, payload: result.data };
}

async function recordQuietly(values: Parameters<typeof insertDelivery>[0]): Promise<void> {
  try {
    await insertDelivery(values);
  } catch (error) {
    // The answer to Purwantara must not depend on whether this record could be written.
    console.error("webhook: could not record a", values.outcome, "delivery:", errorText(error));
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
