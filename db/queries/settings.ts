import "server-only";
import { and, asc, desc, eq, gte } from "drizzle-orm";
import type { GatewayMode } from "@/lib/core/modes";
import { getDb, type DbOrTx } from "../client";
import {
  gatewaySettings,
  merchantSettings,
  webhookDeliveries,
  type GatewaySettingsRow,
  type MerchantSettingsRow,
} from "../schema";

export async function listGatewaySettings(db: DbOrTx = getDb()): Promise<GatewaySettingsRow[]> {
  return db.select().from(gatewaySettings);
}

/** The mode's row, locked for the rest of the transaction (a save or a rotation step). */
export async function lockGatewaySettings(
  tx: DbOrTx,
  mode: GatewayMode,
): Promise<GatewaySettingsRow | null> {
  await tx.insert(gatewaySettings).values({ mode }).onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(gatewaySettings)
    .where(eq(gatewaySettings.mode, mode))
    .for("update");
  return row ?? null;
}

export async function updateGatewaySettings(
  tx: DbOrTx,
  mode: GatewayMode,
  changes: Partial<Omit<GatewaySettingsRow, "mode" | "createdAt">>,
): Promise<void> {
  await tx.update(gatewaySettings).set(changes).where(eq(gatewaySettings.mode, mode));
}

/** When a mode's previous secret last verified a delivery (a rotation's "is it still used?"). */
export async function lastVerifiedWithPrevious(mode: GatewayMode): Promise<Date | null> {
  const [row] = await getDb()
    .select({ at: webhookDeliveries.receivedAt })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.mode, mode), eq(webhookDeliveries.verifiedWith, "previous")))
    .orderBy(desc(webhookDeliveries.receivedAt))
    .limit(1);
  return row?.at ?? null;
}

/**
 * When the mode's current secret first verified a delivery since `since` (a rotation's
 * start): null while Purwantara has not yet signed anything with the new secret.
 */
export async function firstVerifiedWithCurrentSince(
  mode: GatewayMode,
  since: Date,
): Promise<Date | null> {
  const [row] = await getDb()
    .select({ at: webhookDeliveries.receivedAt })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.mode, mode),
        eq(webhookDeliveries.verifiedWith, "current"),
        gte(webhookDeliveries.receivedAt, since),
      ),
    )
    .orderBy(asc(webhookDeliveries.receivedAt))
    .limit(1);
  return row?.at ?? null;
}

const merchantColumns = {
  businessName: merchantSettings.businessName,
  businessContact: merchantSettings.businessContact,
  defaultTimeZone: merchantSettings.defaultTimeZone,
  settlementDelays: merchantSettings.settlementDelays,
  requireAdminTwoFactor: merchantSettings.requireAdminTwoFactor,
  logoType: merchantSettings.logoType,
  logoUpdatedAt: merchantSettings.logoUpdatedAt,
  emailReceipts: merchantSettings.emailReceipts,
  receiptLocale: merchantSettings.receiptLocale,
  updatedAt: merchantSettings.updatedAt,
};
export type MerchantSettingsView = Omit<
  MerchantSettingsRow,
  "id" | "logo" | "createdAt" | "updatedBy"
>;

/** The merchant's settings without the logo's bytes; null until first saved. */
export async function getMerchantSettings(
  db: DbOrTx = getDb(),
): Promise<MerchantSettingsView | null> {
  const [row] = await db.select(merchantColumns).from(merchantSettings).limit(1);
  return row ?? null;
}

export async function getMerchantLogo(): Promise<{
  bytes: Buffer;
  type: string;
  updatedAt: Date;
} | null> {
  const [row] = await getDb()
    .select({
      bytes: merchantSettings.logo,
      type: merchantSettings.logoType,
      updatedAt: merchantSettings.logoUpdatedAt,
    })
    .from(merchantSettings)
    .limit(1);
  if (!row?.bytes || !row.type || !row.updatedAt) return null;
  return { bytes: row.bytes, type: row.type, updatedAt: row.updatedAt };
}

/** The one merchant row, created on first use and locked for the transaction. */
export async function lockMerchantSettings(tx: DbOrTx): Promise<MerchantSettingsView> {
  await tx.insert(merchantSettings).values({ id: 1 }).onConflictDoNothing();
  const [row] = await tx
    .select(merchantColumns)
    .from(merchantSettings)
    .where(eq(merchantSettings.id, 1))
    .for("update");
  return row!;
}

export async function updateMerchantSettings(
  tx: DbOrTx,
  changes: Partial<Omit<MerchantSettingsRow, "id" | "createdAt">>,
): Promise<void> {
  await tx.update(merchantSettings).set(changes).where(eq(merchantSettings.id, 1));
}
