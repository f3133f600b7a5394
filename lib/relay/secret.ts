import "server-only";
import { randomBytes } from "node:crypto";
import { open, seal } from "@/lib/crypto/secret-box";

/** A fresh Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
export function newRelaySecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

const context = (endpointId: string) => `relay_endpoint:${endpointId}`;

/** Sealed at rest, bound to its endpoint (a sealed secret moved to another row does not open). */
export function sealRelaySecret(endpointId: string, secret: string): string {
  return seal(secret, context(endpointId));
}

export function openRelaySecret(endpointId: string, sealed: string): string {
  return open(sealed, context(endpointId));
}
