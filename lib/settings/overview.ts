import "server-only";
import { firstVerifiedWithCurrentSince, lastVerifiedWithPrevious } from "@/db/queries/settings";
import { keyringFromEnv, SecretBoxError } from "@/lib/crypto/secret-box";
import { getEnv } from "@/lib/env";
import { gatewayConfigs, type ValueSource } from "@/lib/gateway/config";
import { defaultBaseUrls, type GatewayMode } from "@purwantara/contract";
import { savedModes, type SavedMode } from "./gateway-settings";
import { savedGateways, type SealedField } from "./saved-gateway";

/** A secret as the page may show it: where it comes from and its last four characters. */
export type MaskedValue = { last4: string; source: ValueSource } | null;

export type ModeOverview = {
  mode: GatewayMode;
  /** A token and a callback secret are in effect: payments can be made in this mode. */
  configured: boolean;
  /** The environment configures this mode (its variables win). */
  envMode: boolean;
  /** Sandbox and production can be saved here; local is the emulator's. */
  editable: boolean;
  baseUrl: { value: string; source: ValueSource };
  token: MaskedValue;
  callbackSecret: MaskedValue;
  /** During a rotation: the old secret, and when it last verified a delivery. */
  previousSecret:
    | (MaskedValue & {
        lastVerifiedAt: Date | null;
        /** When the new secret first verified a delivery since the rotation began (null: not yet). */
        newVerifiedAt: Date | null;
      })
    | null;
  rotationStartedAt: Date | null;
  /** Saved values the environment overrides (kept, but not in effect). */
  shadowed: string[];
  unreadable: SealedField[];
  hasSaved: boolean;
};

const last4 = (value: string) => value.slice(-4);

export type SettingsOverview = {
  modes: ModeOverview[];
  /** False when SETTINGS_ENCRYPTION_KEY is unset or malformed: nothing secret can be saved. */
  encryptionReady: boolean;
  encryptionProblem: "missing" | "invalid" | null;
};

function keyStatus(): Pick<SettingsOverview, "encryptionReady" | "encryptionProblem"> {
  try {
    keyringFromEnv();
    return { encryptionReady: true, encryptionProblem: null };
  } catch (error) {
    if (error instanceof SecretBoxError)
      return {
        encryptionReady: false,
        encryptionProblem: /required|must be set/.test(error.message) ? "missing" : "invalid",
      };
    throw error;
  }
}

/** What the settings page shows per mode; never a whole secret. */
export async function getSettingsOverview(): Promise<SettingsOverview> {
  const envMode = getEnv().gateway?.mode;
  const [configs, saved] = await Promise.all([gatewayConfigs(), savedGateways()]);
  const modes: GatewayMode[] = envMode === "local" ? ["local", ...savedModes] : [...savedModes];
  const overview = await Promise.all(
    modes.map(async (mode): Promise<ModeOverview> => {
      const config = configs.find((c) => c.mode === mode);
      const stored = saved.find((s) => s.mode === mode);
      const current = config?.callbackSecrets.find((s) => s.slot === "current");
      const previous = config?.callbackSecrets.find((s) => s.slot === "previous");
      const shadowed: string[] = [];
      if (config && stored) {
        if (stored.baseUrl && config.sources.baseUrl === "env") shadowed.push("baseUrl");
        if (stored.token && config.sources.token === "env") shadowed.push("token");
        if (stored.callbackSecret && config.sources.callbackSecrets === "env")
          shadowed.push("callbackSecret");
      }
      return {
        mode,
        configured: Boolean(config),
        envMode: mode === envMode,
        editable: (savedModes as readonly GatewayMode[]).includes(mode),
        baseUrl: config
          ? { value: config.baseUrl, source: config.sources.baseUrl }
          : stored?.baseUrl
            ? { value: stored.baseUrl, source: "settings" }
            : { value: defaultBaseUrls[mode], source: "default" },
        token: config
          ? { last4: last4(config.token), source: config.sources.token }
          : stored?.token
            ? { last4: last4(stored.token), source: "settings" }
            : null,
        callbackSecret: current
          ? { last4: last4(current.secret), source: config!.sources.callbackSecrets }
          : stored?.callbackSecret
            ? { last4: last4(stored.callbackSecret), source: "settings" }
            : null,
        previousSecret: previous
          ? {
              last4: last4(previous.secret),
              source: config!.sources.callbackSecrets,
              lastVerifiedAt: await lastVerifiedWithPrevious(mode),
              newVerifiedAt: stored?.rotationStartedAt
                ? await firstVerifiedWithCurrentSince(mode, stored.rotationStartedAt)
                : null,
            }
          : null,
        rotationStartedAt: stored?.rotationStartedAt ?? null,
        shadowed,
        unreadable: stored?.unreadable ?? [],
        hasSaved: Boolean(
          stored &&
          (stored.baseUrl || stored.token || stored.callbackSecret || stored.previousSecret),
        ),
      };
    }),
  );
  return { modes: overview, ...keyStatus() };
}

export function isSavedMode(mode: string): mode is SavedMode {
  return (savedModes as readonly string[]).includes(mode);
}
