import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Purwantara signs a callback as `hash_hmac('sha256', json_encode($payload), $secret)`
 * and sends exactly those bytes, so the signature is computed over the raw request
 * bytes, never over a re-serialized object (PHP escapes `/` and non-ASCII).
 */
export function signCallbackBody(rawBody: Uint8Array | string, secret: string): string {
  return createHmac("sha256", secret).update(rawBody).digest("hex");
}

const hexSha256 = /^[0-9a-f]{64}$/i;

/**
 * True when `signature` is the HMAC of `rawBody` under any of `secrets` (the current
 * one and, during a rotation, the previous one). Compared in constant time.
 */
export function verifyCallbackSignature(
  rawBody: Uint8Array,
  signature: string | null | undefined,
  secrets: readonly string[],
): boolean {
  if (!signature || !hexSha256.test(signature.trim())) return false;
  const given = Buffer.from(signature.trim().toLowerCase(), "hex");
  let ok = false;
  for (const secret of secrets) {
    if (!secret) continue;
    const expected = Buffer.from(signCallbackBody(rawBody, secret), "hex");
    // Check every secret so the time taken does not tell which one matched.
    if (timingSafeEqual(given, expected)) ok = true;
  }
  return ok;
}
