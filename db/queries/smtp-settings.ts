import "server-only";
import { eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "../client";
import { smtpSettings, type SmtpSettingsRow } from "../schema";

/** The saved SMTP server (one row), or null when none was saved. */
export async function getSmtpSettingsRow(db: DbOrTx = getDb()): Promise<SmtpSettingsRow | null> {
  const [row] = await db.select().from(smtpSettings).where(eq(smtpSettings.id, 1));
  return row ?? null;
}

/** The row locked for the rest of the transaction (a save reads it to keep the password). */
export async function lockSmtpSettingsRow(tx: DbOrTx): Promise<SmtpSettingsRow | null> {
  const [row] = await tx.select().from(smtpSettings).where(eq(smtpSettings.id, 1)).for("update");
  return row ?? null;
}

export type SmtpSettingsValues = Omit<SmtpSettingsRow, "id" | "createdAt" | "updatedAt">;

export async function upsertSmtpSettingsRow(tx: DbOrTx, values: SmtpSettingsValues) {
  await tx
    .insert(smtpSettings)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: smtpSettings.id, set: values });
}

export async function deleteSmtpSettingsRow(tx: DbOrTx): Promise<boolean> {
  const gone = await tx.delete(smtpSettings).returning({ id: smtpSettings.id });
  return gone.length > 0;
}
