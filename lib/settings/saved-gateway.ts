import "server-only";
import { listGatewaySettings } from "@/db/queries/settings";
import type { GatewaySettingsRow } from "@/db/schema";
import { open as openSealed, SecretBoxError } from "@/lib/crypto/secret-box";
import { logFor } from "@/lib/log";
import type { GatewayMode } from "@purwantara/contract";
import { sealedColumns, secretContext, type SealedField } from "./sealed-fields";

export { secretContext, type SealedField } from "./sealed-fields";

export function sealedColumn(field: SealedField): keyof GatewaySettingsRow {
  return sealedColumns[field].key;
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
    const sealed = row[sealedColumns[field].key];
    if (!sealed) return null;
    try {
      return openSealed(sealed, secretContext(row.mode, field));
    } catch (error) {
      if (!(error instanceof SecretBoxError)) throw error;
      // The key's id and the field only: never the value.
      logFor("settings").error(
        { mode: row.mode, field, reason: error.message },
        "saved value unreadable",
      );
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
