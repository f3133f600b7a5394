import { localCallbackSecret, localEmulatorToken, type GatewayMode } from "@purwantara/contract";

/**
 * Which credentials may stand for which gateway mode: one rule read by the environment
 * (lib/env-schema.ts), the settings page (lib/settings/*) and the callback route
 * (`usableSecrets`). Free of `server-only`, so scripts and the env parser can use it.
 */

/** One callback secret and the mode whose deliveries it proves. */
export type CallbackSecret = {
  mode: GatewayMode;
  /** `previous` only during a rotation, until the old secret is retired. */
  slot: "current" | "previous";
  secret: string;
};

/** What the running build trusts: a production build takes the emulator only as a demo. */
export type BuildTrust = { production: boolean; localDemo: boolean };

/**
 * Saved credentials outlive the build that saved them, so they are held to a
 * production build's rule in every build.
 */
export const savedCredentialsTrust: BuildTrust = { production: true, localDemo: false };

export type CredentialRefusal = "empty" | "emulatorSecret" | "emulatorToken";

/**
 * Why `secret` may not prove callbacks of `mode`, or null when it may. The emulator's
 * secret is public (it is in the source): it proves only local mode, and in a production
 * build only when local mode was chosen on purpose for a demo.
 */
export function callbackSecretRefusal(
  mode: GatewayMode,
  secret: string,
  build: BuildTrust,
): CredentialRefusal | null {
  if (secret.length === 0) return "empty";
  if (secret !== localCallbackSecret) return null;
  return mode === "local" && (!build.production || build.localDemo) ? null : "emulatorSecret";
}

/** Why `token` may not authenticate calls in `mode`, or null when it may. */
export function gatewayTokenRefusal(mode: GatewayMode, token: string): CredentialRefusal | null {
  if (token.length === 0) return "empty";
  return mode !== "local" && token === localEmulatorToken ? "emulatorToken" : null;
}

/** The secrets a callback may be verified with in this build. */
export function usableSecrets(
  secrets: readonly CallbackSecret[],
  build: BuildTrust,
): CallbackSecret[] {
  return secrets.filter((s) => callbackSecretRefusal(s.mode, s.secret, build) === null);
}
