import "server-only";
import { getEnv } from "@/lib/env";
import type { GatewayMode } from "@/lib/purwantara/contract";

/** One callback secret and the mode whose deliveries it proves. */
export type CallbackSecret = {
  mode: GatewayMode;
  /** `previous` only during a rotation, until the old secret is retired. */
  slot: "current" | "previous";
  secret: string;
};

/** Everything needed to talk to Purwantara in one mode. Never sent to a browser. */
export type GatewayConfig = {
  mode: GatewayMode;
  baseUrl: string;
  token: string;
  timeoutMs: number;
  callbackSecrets: CallbackSecret[];
  /** Where the credentials come from: environment variables win over saved settings. */
  source: "env" | "settings";
};

/**
 * The one seam for "which gateway, with which credentials". Today only the
 * environment's mode is configured; saved settings (issue 9) add the others here,
 * and nothing else reads `getEnv().gateway` for credentials.
 */
export async function gatewayConfigs(): Promise<GatewayConfig[]> {
  const { gateway } = getEnv();
  return [
    {
      mode: gateway.mode,
      baseUrl: gateway.baseUrl,
      token: gateway.token,
      timeoutMs: gateway.timeoutMs,
      callbackSecrets: gateway.callbackSecrets.map((secret, i) => ({
        mode: gateway.mode,
        slot: i === 0 ? "current" : "previous",
        secret,
      })),
      source: "env",
    },
  ];
}

export async function gatewayConfig(mode: GatewayMode): Promise<GatewayConfig | null> {
  return (await gatewayConfigs()).find((c) => c.mode === mode) ?? null;
}

/** Every secret that may verify a callback; the one that does decides its mode. */
export async function callbackSecrets(): Promise<CallbackSecret[]> {
  return (await gatewayConfigs()).flatMap((c) => c.callbackSecrets);
}

/**
 * The mode a signed-in person reads and acts in. Every lookup, list, export and
 * create is scoped to it; a row of another mode is "not found".
 */
export async function actingMode(user: { id: string }): Promise<GatewayMode> {
  void user; // The test/live switch (issue 9) makes this per person.
  return (await gatewayConfigs())[0]!.mode;
}
