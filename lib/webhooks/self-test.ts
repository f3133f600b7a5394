import type { GatewayMode } from "@purwantara/contract";

/**
 * The callback self-test's body (Settings, "Test my callback address"): signed like a
 * real callback, recognised by the ingest right after the signature is verified and
 * answered there, before anything is parsed as a payment, stored or applied, so it can
 * never touch money. The marker is inside the signed bytes: nobody without the secret
 * can make a real callback pass for a self-test, or the reverse.
 */
const marker = "purwantara_dashboard_self_test";

export function selfTestBody(mode: GatewayMode, nonce: string): string {
  return JSON.stringify({ [marker]: nonce, mode, sent_at: new Date().toISOString() });
}

/** The mode a self-test body says it was signed for, or null when the body is no self-test. */
export function readSelfTest(rawBody: Uint8Array): { declaredMode: string } | null {
  // A real callback is far larger than nothing and never carries the marker: skip parsing it.
  if (!Buffer.from(rawBody).includes(marker)) return null;
  try {
    const json = JSON.parse(Buffer.from(rawBody).toString("utf8")) as unknown;
    if (typeof json !== "object" || json === null || Array.isArray(json)) return null;
    const body = json as Record<string, unknown>;
    if (typeof body[marker] !== "string" || typeof body.mode !== "string") return null;
    return { declaredMode: body.mode };
  } catch {
    return null;
  }
}
