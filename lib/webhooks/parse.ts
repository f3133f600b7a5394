import { callbackIdentitySchema, callbackSchema } from "@purwantara/contract/callback";
import type { ReceivedDelivery } from "./delivery";
import { describeChanges, sanitizeJson, storableText } from "./sanitize";

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

export type Parsed =
  | { ok: true; delivery: Pick<ReceivedDelivery, "payload" | "review" | "note"> }
  | { ok: false; reason: string };

/**
 * A signed body read as a callback: its storable payload, why a person must look
 * first (a field the app reads had to be altered to store, or is not as expected),
 * and a note of what was altered; or why it is not a callback at all.
 */
export function parseBody(rawBody: Buffer): Parsed {
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
