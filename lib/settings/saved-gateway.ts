import "server-only";
import { listGatewaySettings } from "@/db/queries/settings";
import type { GatewaySettingsRow } from "@/db/schema";
import { decryptSecret, SecretBoxError } from "@/lib/crypto/secret-box";
import type { GatewayMode } from "@/lib/purwantara/contract";

/** The sealed fields of a gateway_settings row, each opened with its own context. */
export const sealedFields = ["token", "callbackSecret", "previousSecret"] as const;
export type SealedField = (typeof sealedFields)[number];

const columnOf = {
  token: "tokenSealed",
  callbackSecret: "callbackSecretSealed",
  previousSecret: "previousSecretSealed",
} as const satisfies Record<SealedField, keyof GatewaySettingsRow>;

export function sealedColumn(field: SealedField) {
  return columnOf[field];
}

/** Bound into each sealed value, so it opens only in its own mode and field. */
export function secretContext(mode: GatewayMode, field: SealedField): string {
  return `gateway_settings:${mode}:${field}`;
}

/** A mode's saved values, opened. A value that does not open is `unreadable`, not thrown. */
export type SavedGateway = {
  mode: GatewayMode;
  baseUrl: string | null;
  token: string | null;
  callbackSecret: string | null;
  previousSecret: string | null;
  rotationStartedAt: Date | null;
  updatedAt: Date;
  unreadable: SealedField[];
};

function openRow(row: GatewaySettingsRow): SavedGateway {
  const unreadable: SealedField[] = [];
  const open = (field: SealedField): string | null => {
    const sealed = row[columnOf[field]];
    if (!sealed) return null;
    try {
      return decryptSecret(sealed, secretContext(row.mode, field));
    } catch (error) {
      if (!(error instanceof SecretBoxError)) throw error;
      // The key's id and the field only: never the value.
      console.error(`settings: ${row.mode} ${field} unreadable: ${error.message}`);
      unreadable.push(field);
      return null;
    }
  };
  return {
    mode: row.mode,
    baseUrl: row.baseUrl,
    token: open("token"),
    callbackSecret: open("callbackSecret"),
    previousSecret: open("previousSecret"),
    rotationStartedAt: row.rotationStartedAt,
    updatedAt: row.updatedAt,
    unreadable,
  };
}

// Briefly cached so the callback route does not read settings for every delivery; a
// save in this process clears it at once, other instances see it within the TTL.
const ttlMs = 5_000;
type Cache = { at: number; value: Promise<SavedGateway[]> } | undefined;
const holder = globalThis as typeof globalThis & { __purwantaraSavedGateway?: Cache };

export function savedGateways(): Promise<SavedGateway[]> {
  const cached = holder.__purwantaraSavedGateway;
  if (cached && Date.now() - cached.at < ttlMs) return cached.value;
  const value = listGatewaySettings().then((rows) => rows.map(openRow));
  holder.__purwantaraSavedGateway = { at: Date.now(), value };
  // A failed read is not remembered: the next call tries again.
  value.catch(() => {
    if (holder.__purwantaraSavedGateway?.value === value)
      holder.__purwantaraSavedGateway = undefined;
  });
  return value;
}

export function forgetSavedGateways(): void {
  holder.__purwantaraSavedGateway = undefined;
}
