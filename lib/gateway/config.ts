import "server-only";
import { getUserActiveView } from "@/db/queries/team";
import { getEnv } from "@/lib/env";
import type { Env } from "@/lib/env-schema";
import { defaultBaseUrls, type GatewayMode } from "@purwantara/contract";
import { savedGateways, type SavedGateway } from "@/lib/settings/saved-gateway";
import {
  callbackSecretRefusal,
  gatewayTokenRefusal,
  savedCredentialsTrust,
  usableSecrets,
  type CallbackSecret,
} from "./credential-rules";
import { gatewayAddressRefusal } from "./gateway-address";

export type { CallbackSecret } from "./credential-rules";

/** Where a value in effect comes from: the environment wins over saved settings. */
export type ValueSource = "env" | "settings" | "default";

/** Everything needed to talk to Purwantara in one mode. Never sent to a browser. */
export type GatewayConfig = {
  mode: GatewayMode;
  baseUrl: string;
  token: string;
  timeoutMs: number;
  callbackSecrets: CallbackSecret[];
  /** Where the credentials come from: environment variables win over saved settings. */
  source: "env" | "settings";
  /** Per value, for the settings page. */
  sources: { baseUrl: ValueSource; token: ValueSource; callbackSecrets: ValueSource };
};

const modeOrder: readonly GatewayMode[] = ["local", "sandbox", "production"];

function secretsOf(mode: GatewayMode, current: string, previous: string | null) {
  const secrets: CallbackSecret[] = [{ mode, slot: "current", secret: current }];
  if (previous) secrets.push({ mode, slot: "previous", secret: previous });
  return secrets;
}

type Limits = { timeoutMs: number; extraOrigins: readonly string[] };

/**
 * A saved address the address rule accepts (lib/gateway/gateway-address.ts), else null:
 * one saved before the rule existed is never used, so no request (and no token) goes there.
 */
function usableAddress(
  mode: GatewayMode,
  baseUrl: string | null | undefined,
  extraOrigins: readonly string[],
): string | null {
  return baseUrl && !gatewayAddressRefusal(mode, baseUrl, extraOrigins) ? baseUrl : null;
}

/** The environment's mode: each value set there wins; the rest come from saved settings. */
function envModeConfig(
  gateway: NonNullable<Env["gateway"]>,
  { timeoutMs, extraOrigins }: Limits,
  saved: SavedGateway | undefined,
): GatewayConfig {
  const { fromEnv } = gateway;
  const savedBaseUrl = usableAddress(gateway.mode, saved?.baseUrl, extraOrigins);
  const pick = <T>(envSet: boolean, envValue: T, savedValue: T | null | undefined) =>
    envSet || savedValue == null
      ? { value: envValue, source: (envSet ? "env" : "default") as ValueSource }
      : { value: savedValue, source: "settings" as ValueSource };
  const baseUrl = pick(fromEnv.baseUrl, gateway.baseUrl, savedBaseUrl);
  const token = pick(fromEnv.token, gateway.token, saved?.token);
  // The secrets go as a pair: a saved rotation never mixes with an environment secret.
  const savedSecrets = !fromEnv.callbackSecret && saved?.callbackSecret;
  const callbackSecrets = savedSecrets
    ? secretsOf(gateway.mode, saved.callbackSecret!, saved.previousSecret)
    : secretsOf(gateway.mode, gateway.callbackSecrets[0]!, gateway.callbackSecrets[1] ?? null);
  const secretsSource: ValueSource = savedSecrets
    ? "settings"
    : fromEnv.callbackSecret
      ? "env"
      : "default";
  return {
    mode: gateway.mode,
    baseUrl: baseUrl.value,
    token: token.value,
    timeoutMs,
    callbackSecrets,
    source: token.source === "settings" ? "settings" : "env",
    sources: { baseUrl: baseUrl.source, token: token.source, callbackSecrets: secretsSource },
  };
}

/**
 * Another mode, configured only from saved settings: a token and a secret both saved,
 * and both ones the credential rules accept (a value saved before a rule existed, such
 * as the emulator's public secret, leaves the mode not configured).
 */
function savedModeConfig(
  saved: SavedGateway,
  { timeoutMs, extraOrigins }: Limits,
): GatewayConfig | null {
  const { mode, token, callbackSecret } = saved;
  if (mode === "local" || !token || !callbackSecret) return null;
  if (saved.baseUrl && !usableAddress(mode, saved.baseUrl, extraOrigins)) return null;
  if (gatewayTokenRefusal(mode, token)) return null;
  if (callbackSecretRefusal(mode, callbackSecret, savedCredentialsTrust)) return null;
  return {
    mode,
    baseUrl: saved.baseUrl ?? defaultBaseUrls[mode],
    token,
    timeoutMs,
    callbackSecrets: usableSecrets(
      secretsOf(mode, callbackSecret, saved.previousSecret),
      savedCredentialsTrust,
    ),
    source: "settings",
    sources: {
      baseUrl: saved.baseUrl ? "settings" : "default",
      token: "settings",
      callbackSecrets: "settings",
    },
  };
}

/**
 * The one seam for "which gateway, with which credentials": the environment's mode
 * (its variables winning value by value) plus every mode saved on the settings page.
 * Local (the emulator) exists only when the environment asks for it. A production build
 * without PURWANTARA_* variables has only saved modes, and none until an admin saves one.
 */
export async function gatewayConfigs(): Promise<GatewayConfig[]> {
  const { gateway, gatewayTimeoutMs, extraGatewayOrigins } = getEnv();
  const limits: Limits = { timeoutMs: gatewayTimeoutMs, extraOrigins: extraGatewayOrigins };
  const saved = await savedGateways();
  const configs = gateway
    ? [
        envModeConfig(
          gateway,
          limits,
          saved.find((s) => s.mode === gateway.mode),
        ),
      ]
    : [];
  for (const entry of saved) {
    if (entry.mode === gateway?.mode) continue;
    const config = savedModeConfig(entry, limits);
    if (config) configs.push(config);
  }
  return configs.sort((a, b) => modeOrder.indexOf(a.mode) - modeOrder.indexOf(b.mode));
}

/** What the settings forms need of the address rule (lib/gateway/gateway-address.ts). */
export function gatewayAddressRules(): { extraOrigins: readonly string[] } {
  return { extraOrigins: getEnv().extraGatewayOrigins };
}

export async function gatewayConfig(mode: GatewayMode): Promise<GatewayConfig | null> {
  return (await gatewayConfigs()).find((c) => c.mode === mode) ?? null;
}

/** Every secret that may verify a callback; the one that does decides its mode. */
export async function callbackSecrets(): Promise<CallbackSecret[]> {
  return (await gatewayConfigs()).flatMap((c) => c.callbackSecrets);
}

export type ActiveView = "test" | "live";

/**
 * The mode a view maps to with these configs: test → sandbox, else local; live →
 * production. With no mode configured yet, the view's own mode: its data is empty and
 * creating says that credentials are missing.
 */
export function modeForView(view: ActiveView, configured: readonly GatewayMode[]): GatewayMode {
  const test = configured.includes("sandbox")
    ? "sandbox"
    : configured.includes("local")
      ? "local"
      : null;
  const live = configured.includes("production") ? "production" : null;
  // A remembered choice whose mode is gone falls back to the other one.
  return (
    (view === "live" ? (live ?? test) : (test ?? live)) ??
    configured[0] ??
    (view === "live" ? "production" : "sandbox")
  );
}

/**
 * The mode a signed-in person reads and acts in, from their test/live switch. Every
 * lookup, list, export and create is scoped to it; a row of another mode is "not found".
 */
export async function actingMode(user: { id: string }): Promise<GatewayMode> {
  const [view, configs] = await Promise.all([getUserActiveView(user.id), gatewayConfigs()]);
  return modeForView(
    view,
    configs.map((c) => c.mode),
  );
}
