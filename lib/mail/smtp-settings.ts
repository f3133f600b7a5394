import "server-only";
import { getDb } from "@/db/client";
import {
  deleteSmtpSettingsRow,
  getSmtpSettingsRow,
  lockSmtpSettingsRow,
  upsertSmtpSettingsRow,
  type SmtpSettingsValues,
} from "@/db/queries/smtp-settings";
import type { SmtpSettingsRow } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { open, seal } from "@/lib/crypto/secret-box";
import { getEnv } from "@/lib/env";
import { errorFacts, logFor } from "@/lib/log";
import type { SmtpConfig, SmtpTlsMode } from "./smtp-config";

/** Where the SMTP settings in effect come from: the environment wins over Settings. */
export type SmtpSource = "environment" | "settings" | "none";

/** Bound into the sealed password, so it opens only as this row's password. */
const passwordContext = "smtp_settings:password";

function configOf(row: SmtpSettingsRow): SmtpConfig {
  return {
    host: row.host,
    port: row.port,
    tls: row.tls,
    user: row.username,
    password: row.passwordSealed ? open(row.passwordSealed, passwordContext) : null,
    fromName: row.fromName,
    fromAddress: row.fromAddress,
  };
}

/** The SMTP server in effect: SMTP_URL and MAIL_FROM when set, else the saved one, else none. */
export async function getSmtpConfig(): Promise<{ source: SmtpSource; config: SmtpConfig | null }> {
  const fromEnv = getEnv().smtp;
  if (fromEnv) return { source: "environment", config: fromEnv };
  const row = await getSmtpSettingsRow();
  if (!row) return { source: "none", config: null };
  try {
    return { source: "settings", config: configOf(row) };
  } catch (error) {
    // A password sealed under another key: as if none were set, and said in the log.
    logFor("mail").error({ err: errorFacts(error) }, "saved SMTP password cannot be opened");
    return { source: "none", config: null };
  }
}

/** What the settings page shows: never the password, only whether one is set. */
export type SmtpSettingsView = {
  source: SmtpSource;
  /** The environment's server, when it is the one in effect. */
  environment: Omit<SmtpConfig, "password"> | null;
  saved:
    | (Omit<SmtpConfig, "password" | "user"> & {
        user: string | null;
        passwordSet: boolean;
        updatedAt: Date;
      })
    | null;
};

function withoutPassword({ password: _password, ...rest }: SmtpConfig) {
  return rest;
}

export async function getSmtpSettingsView(): Promise<SmtpSettingsView> {
  const fromEnv = getEnv().smtp;
  const row = await getSmtpSettingsRow();
  const source: SmtpSource = fromEnv ? "environment" : row ? "settings" : "none";
  return {
    source,
    environment: fromEnv ? withoutPassword(fromEnv) : null,
    saved: row
      ? {
          host: row.host,
          port: row.port,
          tls: row.tls,
          user: row.username,
          passwordSet: row.passwordSealed !== null,
          fromName: row.fromName,
          fromAddress: row.fromAddress,
          updatedAt: row.updatedAt,
        }
      : null,
  };
}

export type SmtpSettingsInput = {
  host: string;
  port: number;
  tls: SmtpTlsMode;
  user: string | null;
  /** A new password; null keeps the saved one. */
  password: string | null;
  clearPassword: boolean;
  fromName: string | null;
  fromAddress: string;
};

/** Each column and its name in the audit log (`audit.settingNames.<name>`). */
const auditedFields = {
  host: "smtpHost",
  port: "smtpPort",
  tls: "smtpTls",
  username: "smtpUser",
  fromName: "smtpFromName",
  fromAddress: "smtpFromAddress",
} as const;

/** Saves the SMTP server, sealing a new password; audited with the names of what changed. */
export async function saveSmtpSettings(
  input: SmtpSettingsInput,
  actor: { id: string; ip: string | null },
): Promise<string[]> {
  return getDb().transaction(async (tx) => {
    const before = await lockSmtpSettingsRow(tx);
    const passwordSealed = input.clearPassword
      ? null
      : input.password
        ? seal(input.password, passwordContext)
        : (before?.passwordSealed ?? null);
    const values: SmtpSettingsValues = {
      host: input.host,
      port: input.port,
      tls: input.tls,
      username: input.user,
      passwordSealed,
      fromName: input.fromName,
      fromAddress: input.fromAddress,
      updatedBy: actor.id,
    };
    const columns = Object.keys(auditedFields) as (keyof typeof auditedFields)[];
    const fields: string[] = columns
      .filter((column) => before?.[column] !== values[column])
      .map((column) => auditedFields[column]);
    if (input.password && !input.clearPassword) fields.push("smtpPassword");
    if (input.clearPassword && before?.passwordSealed) fields.push("smtpPasswordCleared");
    if (fields.length === 0) return fields;
    await upsertSmtpSettingsRow(tx, values);
    await recordAudit(tx, {
      action: "settings.changed",
      actorId: actor.id,
      ip: actor.ip,
      target: { type: "smtp_settings", id: "1" },
      details: { fields },
    });
    return fields;
  });
}

/** Forgets the saved SMTP server (the environment's, if set, is untouched). */
export async function clearSmtpSettings(actor: { id: string; ip: string | null }) {
  return getDb().transaction(async (tx) => {
    if (!(await deleteSmtpSettingsRow(tx))) return false;
    await recordAudit(tx, {
      action: "settings.changed",
      actorId: actor.id,
      ip: actor.ip,
      target: { type: "smtp_settings", id: "1" },
      details: { fields: ["smtpCleared"] },
    });
    return true;
  });
}
