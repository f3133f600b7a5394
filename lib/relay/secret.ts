import "server-only";
import { randomBytes } from "node:crypto";
import type { RelayEndpoint } from "@/db/schema";
import { open, seal } from "@/lib/crypto/secret-box";

/** A fresh Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
export function newRelaySecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/** current: the secret that signs; previous: the one a rotation retired, signing beside it for a while. */
type Slot = "current" | "previous";

const context = (endpointId: string, slot: Slot) =>
  slot === "current" ? `relay_endpoint:${endpointId}` : `relay_endpoint:${endpointId}:previous`;

/** Sealed at rest, bound to its endpoint and slot (moved to another row or column, it does not open). */
export function sealRelaySecret(endpointId: string, secret: string, slot: Slot = "current") {
  return seal(secret, context(endpointId, slot));
}

export function openRelaySecret(endpointId: string, sealed: string, slot: Slot = "current") {
  return open(sealed, context(endpointId, slot));
}

/**
 * The secrets that sign an endpoint's events now: its current one, and during the
 * overlap after a rotation the previous one too (a receiver still on the old secret
 * keeps verifying until it switches).
 */
export function signingSecrets(
  endpoint: Pick<
    RelayEndpoint,
    "id" | "secretSealed" | "previousSecretSealed" | "previousSecretUntil"
  >,
  now: Date = new Date(),
): string[] {
  const secrets = [openRelaySecret(endpoint.id, endpoint.secretSealed)];
  const overlap = endpoint.previousSecretUntil && endpoint.previousSecretUntil > now;
  if (overlap && endpoint.previousSecretSealed)
    secrets.push(openRelaySecret(endpoint.id, endpoint.previousSecretSealed, "previous"));
  return secrets;
}
