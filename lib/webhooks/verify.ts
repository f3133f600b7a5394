import { createHmac, timingSafeEqual } from "node:crypto";
import type { CallbackSecret } from "@/lib/gateway/config";
import type { GatewayMode } from "@purwantara/contract";
export { usableSecrets } from "@/lib/gateway/credential-rules";

export type Verdict =
  | { ok: true; mode: GatewayMode; slot: CallbackSecret["slot"] }
  | { ok: false; reason: "no_signature" | "bad_signature" | "ambiguous_secret" };

const hexSha256 = /^[0-9a-f]{64}$/i;

/**
 * Which configured secret signed these raw bytes: its mode becomes the delivery's
 * mode, its slot (current, or previous during a rotation) is recorded. Every secret
 * is tried, in constant time, so the time taken does not tell which one matched. A
 * signature that matches secrets of two modes proves no mode and is refused.
 */
export function verifyDelivery(
  rawBody: Uint8Array,
  signature: string | null | undefined,
  secrets: readonly CallbackSecret[],
): Verdict {
  const text = signature?.trim();
  if (!text) return { ok: false, reason: "no_signature" };
  if (!hexSha256.test(text)) return { ok: false, reason: "bad_signature" };
  const given = Buffer.from(text.toLowerCase(), "hex");
  const matched: CallbackSecret[] = [];
  for (const secret of secrets) {
    if (!secret.secret) continue;
    const expected = createHmac("sha256", secret.secret).update(rawBody).digest();
    if (timingSafeEqual(given, expected)) matched.push(secret);
  }
  const first = matched[0];
  if (!first) return { ok: false, reason: "bad_signature" };
  if (matched.some((m) => m.mode !== first.mode)) return { ok: false, reason: "ambiguous_secret" };
  return {
    ok: true,
    mode: first.mode,
    slot: matched.some((m) => m.slot === "current") ? "current" : first.slot,
  };
}
