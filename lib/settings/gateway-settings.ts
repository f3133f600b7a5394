import "server-only";
import { getDb, type DbOrTx } from "@/db/client";
import { lockGatewaySettings, updateGatewaySettings } from "@/db/queries/settings";
import type { GatewaySettingsRow } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { open, seal as sealSecret } from "@/lib/crypto/secret-box";
import { callbackSecrets } from "@/lib/gateway/config";
import {
  callbackSecretRefusal,
  gatewayTokenRefusal,
  savedCredentialsTrust,
} from "@/lib/gateway/credential-rules";
import { AppError, FieldError } from "@/lib/errors";
import type { GatewayMode } from "@purwantara/contract";
import {
  forgetSavedGateways,
  sealedColumn,
  secretContext,
  type SealedField,
} from "./saved-gateway";
import { confirmAddressChange, movesAddress, type AddressChangeMessages } from "./address-change";

/** The modes whose credentials the settings page keeps (local is the emulator's). */
export const savedModes = ["sandbox", "production"] as const satisfies readonly GatewayMode[];
export type SavedMode = (typeof savedModes)[number];

export type SettingsActor = { id: string; ip: string | null };

export type GatewaySettingsMessages = AddressChangeMessages & {
  secretInUse: string;
  noSecretYet: string;
  rotationUnderway: string;
  noRotation: string;
  nothingToSave: string;
  /** The emulator's public secret (or one the callback route would refuse). */
  emulatorSecret: string;
  emulatorToken: string;
};

function seal(mode: SavedMode, field: SealedField, value: string) {
  return { [sealedColumn(field)]: sealSecret(value, secretContext(mode, field)) };
}

/**
 * A secret the callback route would refuse is never saved (the page would say "Ready"
 * while every callback fails); and a callback secret decides a delivery's mode, so two
 * modes can never share one.
 */
async function assertSecretUsable(
  mode: SavedMode,
  secret: string,
  messages: GatewaySettingsMessages,
  field: "callbackSecret" | "newSecret",
) {
  if (callbackSecretRefusal(mode, secret, savedCredentialsTrust))
    throw new FieldError(field, messages.emulatorSecret);
  const clash = (await callbackSecrets()).some((s) => s.mode !== mode && s.secret === secret);
  if (clash) throw new AppError("validation", messages.secretInUse);
}

/** Runs one change to a mode's row and its audit entry together; the cache drops after. */
async function withGatewayRow<T>(
  mode: SavedMode,
  fn: (tx: DbOrTx, row: GatewaySettingsRow) => Promise<T>,
): Promise<T> {
  const result = await getDb().transaction(async (tx) =>
    fn(tx, (await lockGatewaySettings(tx, mode))!),
  );
  forgetSavedGateways();
  return result;
}

export type GatewayCredentialsInput = {
  /** Empty string: back to the mode's default address. Undefined: unchanged. */
  baseUrl?: string;
  token?: string;
  /** Only while the mode has no secret yet; afterwards a rotation replaces it. */
  callbackSecret?: string;
  /** The person's own password: needed to move the mode to another address. */
  currentPassword?: string;
};

export async function saveGatewayCredentials(
  mode: SavedMode,
  input: GatewayCredentialsInput,
  actor: SettingsActor,
  messages: GatewaySettingsMessages,
): Promise<string[]> {
  if (input.token && gatewayTokenRefusal(mode, input.token))
    throw new FieldError("token", messages.emulatorToken);
  if (input.callbackSecret)
    await assertSecretUsable(mode, input.callbackSecret, messages, "callbackSecret");
  const confirmed = await confirmAddressChange(mode, input, actor, messages);
  return withGatewayRow(mode, async (tx, row) => {
    const changes: Partial<GatewaySettingsRow> = { updatedBy: actor.id };
    const fields: string[] = [];
    if (movesAddress(mode, row.baseUrl, input.baseUrl)) {
      // Another save moved it meanwhile: this one was not confirmed as a move.
      if (!confirmed) throw new FieldError("currentPassword", messages.addressNeedsPassword);
      changes.baseUrl = input.baseUrl || null;
      fields.push("baseUrl");
      // The saved token was given for the old address: it is never sent to the new one.
      if (!input.token && row.tokenSealed) {
        changes.tokenSealed = null;
        fields.push("tokenCleared");
      }
    }
    if (input.token) {
      Object.assign(changes, seal(mode, "token", input.token));
      fields.push("token");
    }
    if (input.callbackSecret) {
      if (row.callbackSecretSealed) throw new AppError("conflict", messages.rotationUnderway);
      Object.assign(changes, seal(mode, "callbackSecret", input.callbackSecret));
      fields.push("callbackSecret");
    }
    if (fields.length === 0) throw new AppError("validation", messages.nothingToSave);
    await updateGatewaySettings(tx, mode, changes);
    await recordAudit(tx, {
      action: "settings.changed",
      actorId: actor.id,
      mode,
      ip: actor.ip,
      target: { type: "gateway_settings", id: mode },
      details: { fields },
    });
    return fields;
  });
}

/** Removes every saved value of a mode (environment variables are untouched). */
export async function clearGatewayCredentials(mode: SavedMode, actor: SettingsActor) {
  await withGatewayRow(mode, async (tx, row) => {
    const fields = (
      [
        ["baseUrl", row.baseUrl],
        ["token", row.tokenSealed],
        ["callbackSecret", row.callbackSecretSealed],
        ["previousSecret", row.previousSecretSealed],
      ] as const
    )
      .filter(([, value]) => value)
      .map(([name]) => name);
    await updateGatewaySettings(tx, mode, {
      baseUrl: null,
      tokenSealed: null,
      callbackSecretSealed: null,
      previousSecretSealed: null,
      rotationStartedAt: null,
      updatedBy: actor.id,
    });
    await recordAudit(tx, {
      action: "settings.changed",
      actorId: actor.id,
      mode,
      ip: actor.ip,
      target: { type: "gateway_settings", id: mode },
      details: { fields, cleared: true },
    });
  });
}

/**
 * Step 1 of a rotation: the new secret becomes current and the old one stays
 * accepted as `previous`, so deliveries signed with either verify meanwhile.
 */
export async function startSecretRotation(
  mode: SavedMode,
  newSecret: string,
  actor: SettingsActor,
  messages: GatewaySettingsMessages,
): Promise<void> {
  await assertSecretUsable(mode, newSecret, messages, "newSecret");
  await withGatewayRow(mode, async (tx, row) => {
    if (!row.callbackSecretSealed) throw new AppError("conflict", messages.noSecretYet);
    if (row.previousSecretSealed) throw new AppError("conflict", messages.rotationUnderway);
    // The old value moves under the `previous` context, so it is opened, not copied.
    const old = open(row.callbackSecretSealed, secretContext(mode, "callbackSecret"));
    if (old === newSecret) throw new AppError("validation", messages.secretInUse);
    await updateGatewaySettings(tx, mode, {
      ...seal(mode, "previousSecret", old),
      ...seal(mode, "callbackSecret", newSecret),
      rotationStartedAt: new Date(),
      updatedBy: actor.id,
    });
    await recordAudit(tx, {
      action: "settings.secret_rotated",
      actorId: actor.id,
      mode,
      ip: actor.ip,
      target: { type: "gateway_settings", id: mode },
      details: { fields: ["callbackSecret", "previousSecret"] },
    });
  });
}

/** Step 2: the old secret is no longer accepted. */
export async function retirePreviousSecret(
  mode: SavedMode,
  lastVerifiedAt: Date | null,
  actor: SettingsActor,
  messages: GatewaySettingsMessages,
): Promise<void> {
  await withGatewayRow(mode, async (tx, row) => {
    if (!row.previousSecretSealed) throw new AppError("conflict", messages.noRotation);
    await updateGatewaySettings(tx, mode, {
      previousSecretSealed: null,
      rotationStartedAt: null,
      updatedBy: actor.id,
    });
    await recordAudit(tx, {
      action: "settings.secret_retired",
      actorId: actor.id,
      mode,
      ip: actor.ip,
      target: { type: "gateway_settings", id: mode },
      details: {
        fields: ["previousSecret"],
        previousLastVerifiedAt: lastVerifiedAt?.toISOString() ?? null,
      },
    });
  });
}
