import "server-only";
import { getDb } from "@/db/client";
import {
  getMerchantSettings,
  lockMerchantSettings,
  updateMerchantSettings,
  type MerchantSettingsView,
} from "@/db/queries/settings";
import { transactionChannel } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { defaultSettlementDelays, type SettlementDelays } from "@/lib/payments/settlement-delays";
import { sniffFileType } from "@/lib/core/file-types";
import { defaultTimeZone, type TimeZone } from "@/lib/core/time";
import type { SettingsActor } from "./gateway-settings";

export { defaultSettlementDelays, type SettlementDelays };

export const settlementChannels = transactionChannel.enumValues;

function withDefaults(saved: Record<string, number> | undefined): SettlementDelays {
  const delays: SettlementDelays = { ...defaultSettlementDelays };
  for (const channel of settlementChannels) {
    const value = saved?.[channel];
    if (typeof value === "number" && Number.isInteger(value) && value >= 0) delays[channel] = value;
  }
  return delays;
}

/**
 * The expected settlement delay per channel as saved on the settings page, the
 * defaults filling any channel not saved. lib/payments/settlement-delays.ts reads this.
 */
export async function getSavedSettlementDelays(): Promise<SettlementDelays> {
  return withDefaults((await getMerchantSettings())?.settlementDelays);
}

/**
 * The business's zone (Settings → default time zone): the one zone a day of the
 * reconciliation and its closing is drawn in, the same for everyone.
 */
export async function getBusinessZone(): Promise<TimeZone> {
  return (await getMerchantSettings())?.defaultTimeZone ?? defaultTimeZone;
}

export type MerchantProfile = Omit<MerchantSettingsView, "settlementDelays"> & {
  settlementDelays: SettlementDelays;
};

export async function getMerchantProfile(): Promise<MerchantProfile> {
  const saved = await getMerchantSettings();
  return {
    businessName: saved?.businessName ?? null,
    businessContact: saved?.businessContact ?? null,
    defaultTimeZone: saved?.defaultTimeZone ?? defaultTimeZone,
    requireAdminTwoFactor: saved?.requireAdminTwoFactor ?? false,
    logoType: saved?.logoType ?? null,
    logoUpdatedAt: saved?.logoUpdatedAt ?? null,
    emailReceipts: saved?.emailReceipts ?? true,
    receiptLocale: saved?.receiptLocale ?? "id",
    updatedAt: saved?.updatedAt ?? new Date(0),
    settlementDelays: withDefaults(saved?.settlementDelays),
  };
}

export type MerchantInput = Pick<
  MerchantProfile,
  | "businessName"
  | "businessContact"
  | "defaultTimeZone"
  | "requireAdminTwoFactor"
  | "settlementDelays"
> &
  Partial<Pick<MerchantProfile, "emailReceipts" | "receiptLocale">>;

function changedFields(before: MerchantProfile, after: MerchantInput): string[] {
  const fields: string[] = [];
  if ((before.businessName ?? "") !== (after.businessName ?? "")) fields.push("businessName");
  if ((before.businessContact ?? "") !== (after.businessContact ?? ""))
    fields.push("businessContact");
  if (before.defaultTimeZone !== after.defaultTimeZone) fields.push("defaultTimeZone");
  if (before.requireAdminTwoFactor !== after.requireAdminTwoFactor)
    fields.push("requireAdminTwoFactor");
  if (after.emailReceipts !== undefined && before.emailReceipts !== after.emailReceipts)
    fields.push("emailReceipts");
  if (after.receiptLocale !== undefined && before.receiptLocale !== after.receiptLocale)
    fields.push("receiptLocale");
  for (const channel of settlementChannels)
    if (before.settlementDelays[channel] !== after.settlementDelays[channel])
      fields.push(`settlementDelays.${channel}`);
  return fields;
}

/** Saves the merchant's settings; returns the changed field names (audited, values never). */
export async function saveMerchantSettings(
  input: MerchantInput,
  actor: SettingsActor,
): Promise<string[]> {
  return getDb().transaction(async (tx) => {
    const row = await lockMerchantSettings(tx);
    const before: MerchantProfile = {
      ...row,
      settlementDelays: withDefaults(row.settlementDelays),
    };
    const fields = changedFields(before, input);
    if (fields.length === 0) return fields;
    await updateMerchantSettings(tx, { ...input, updatedBy: actor.id });
    await recordAudit(tx, {
      action: "settings.changed",
      actorId: actor.id,
      ip: actor.ip,
      target: { type: "merchant_settings", id: "1" },
      details: { fields },
    });
    return fields;
  });
}

/** [chosen] Raster images only (an SVG can carry script), at most 256 KiB. */
export const logoRules = {
  maxBytes: 256 * 1024,
  types: ["image/png", "image/jpeg", "image/webp"] as const,
};
export type LogoType = (typeof logoRules.types)[number];

/** A logo's type as its bytes prove it (lib/core/file-types.ts), if it is an image we take. */
export function sniffLogoType(bytes: Buffer): LogoType | null {
  const type = sniffFileType(bytes);
  return logoRules.types.find((t) => t === type) ?? null;
}

export async function saveMerchantLogo(
  logo: { bytes: Buffer; type: LogoType } | null,
  actor: SettingsActor,
): Promise<void> {
  await getDb().transaction(async (tx) => {
    await lockMerchantSettings(tx);
    await updateMerchantSettings(tx, {
      logo: logo?.bytes ?? null,
      logoType: logo?.type ?? null,
      logoUpdatedAt: logo ? new Date() : null,
      updatedBy: actor.id,
    });
    await recordAudit(tx, {
      action: "settings.changed",
      actorId: actor.id,
      ip: actor.ip,
      target: { type: "merchant_settings", id: "1" },
      details: { fields: ["logo"], removed: logo === null, bytes: logo?.bytes.length ?? 0 },
    });
  });
}
