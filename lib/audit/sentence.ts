import {
  deliveryOutcome,
  transactionChannel,
  transactionState,
  type DeliveryOutcome,
  type TransactionChannel,
  type TransactionState,
  type UserRole,
} from "@/db/schema";
import { roles } from "@/lib/auth/roles";
import {
  refundMethods,
  refundReasons,
  type RefundMethod,
  type RefundReason,
} from "@/lib/core/refund-terms";
import { formatDay, type Formatter } from "@/lib/format";
import { auditActions, type AuditAction } from "./actions";
import { auditDetailKeys, type DetailKey } from "./detail-keys";

/**
 * An audit entry as a sentence in the reader's language ("Sari Wulandari mengubah
 * peran Andi Pratama dari Operator menjadi Keuangan"), with people by name and the
 * remaining details as labelled fields. One template per action in the catalogue
 * (`audit.sentences.<action>`); an action it does not know reads `audit.sentences.unknown`.
 */

/** Why a sign-in failed or sessions ended, as recorded (`audit.reasons.<reason>`). */
export const auditReasons = [
  "unknown_account",
  "wrong_password",
  "disabled",
  "wrong_code",
  "sign_out",
  "password_changed",
  "ended_by_user",
  "role_changed",
  "password_reset_forced",
  "password_reset",
  "two_factor_failed",
  "two_factor_locked",
] as const;
type AuditReason = (typeof auditReasons)[number];

/** How a person signed in or confirmed (`audit.methods.<method>`). */
const signInMethods = ["password", "totp", "recovery_code"] as const;

/** Details that are identifiers or queries: shown as code, not as words. */
const technicalKeys = new Set([
  "filter",
  "fileName",
  "exportId",
  "replayId",
  "invitation",
  "emailDigest",
  "transactionId",
]);

/** Settings named in `fields` (`audit.settingNames.<name>`); delays per channel apart. */
export const auditSettingNames = [
  "businessName",
  "businessContact",
  "defaultTimeZone",
  "requireAdminTwoFactor",
  "logo",
  "baseUrl",
  "token",
  "tokenCleared",
  "callbackSecret",
  "previousSecret",
  "smtpHost",
  "smtpPort",
  "smtpTls",
  "smtpUser",
  "smtpPassword",
  "smtpPasswordCleared",
  "smtpFromName",
  "smtpFromAddress",
  "smtpCleared",
] as const;
type SettingName = (typeof auditSettingNames)[number];

/** Which details each sentence already says, so they are not repeated as fields. */
const saidInSentence: Partial<Record<AuditAction, readonly DetailKey[]>> = {
  "auth.sign_in_failed": ["reason"],
  "auth.sessions_ended": ["reason", "count"],
  "user.role_changed": ["from", "to"],
  "settings.mode_switched": ["from", "to"],
  "user.invited": ["role"],
  "user.invitation_revoked": ["role"],
  "user.joined": ["role"],
  "refund.requested": ["amount"],
  "refund.approved": ["amount"],
  "refund.rejected": ["amount"],
};

export type AuditRowView = {
  action: string;
  actorName: string | null;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
};

/** A root-level translator, from `getTranslations()`. */
type Translate = {
  (key: `audit.sentences.${AuditAction}` | "audit.sentences.unknown", values: Values): string;
  (key: `audit.details.${DetailKey}` | `audit.reasons.${AuditReason}`): string;
  (key: `refunds.reason.${RefundReason}` | `role.${UserRole}`): string;
  (key: "audit.system" | "audit.someone" | "audit.yes" | "audit.no"): string;
  (key: "modeSwitch.test" | "modeSwitch.live"): string;
  (key: `audit.settingNames.${SettingName}` | `channel.${TransactionChannel}`): string;
  (key: "audit.settingNames.settlementDelay", values: Values): string;
  (
    key: `audit.methods.${(typeof signInMethods)[number]}` | `refunds.method.${RefundMethod}`,
  ): string;
  (key: `callbacks.outcome.${DeliveryOutcome}` | `status.${TransactionState}`): string;
};
type Values = Record<string, string>;

export type AuditDescription = {
  person: string;
  sentence: string;
  /** `code`: an identifier or query, shown as such. */
  fields: { label: string; value: string; code?: boolean }[];
};

const isOneOf = <T extends string>(list: readonly T[], v: unknown): v is T =>
  typeof v === "string" && (list as readonly string[]).includes(v);

const isAction = (v: string): v is AuditAction => isOneOf(auditActions, v);

/**
 * Who did it. A wrong two-factor code comes after a right password, so it is the
 * person's own, also in entries written before the actor was recorded for it.
 */
function actorOf(t: Translate, row: AuditRowView, target: string | null): string {
  if (row.actorName) return row.actorName;
  const ownCode = row.action === "auth.sign_in_failed" && row.details.reason === "wrong_code";
  return ownCode && target ? target : t("audit.system");
}

function targetOf(t: Translate, row: AuditRowView, names: ReadonlyMap<string, string>) {
  if (row.targetType !== "user" || !row.targetId) return null;
  return names.get(row.targetId) ?? t("audit.someone");
}

/** The words a sentence fills in: people, roles, views, amounts, counts and reasons. */
function sentenceValues(
  t: Translate,
  format: Formatter,
  row: AuditRowView,
  people: { actor: string; target: string | null },
): Values {
  const d = row.details;
  const word = (v: unknown): string => {
    if (isOneOf(roles, v)) return t(`role.${v}`);
    if (v === "test" || v === "live") return t(`modeSwitch.${v}`);
    return typeof v === "string" ? v : "";
  };
  return {
    actor: people.actor,
    target: people.target ?? t("audit.someone"),
    role: word(d.role),
    from: word(d.from),
    to: word(d.to),
    amount: typeof d.amount === "string" ? format.money(d.amount) : "",
    count: typeof d.count === "number" ? format.number(d.count) : "",
    reason: typeof d.reason === "string" ? d.reason : "other",
    day:
      row.targetType === "reconciliation_day" && row.targetId
        ? formatDay(row.targetId, format.locale)
        : "",
    action: row.action,
  };
}

/** A changed setting by its label ("settlementDelays.qris" → "Waktu pencairan QRIS"). */
function settingName(t: Translate, name: string): string {
  if (isOneOf(auditSettingNames, name)) return t(`audit.settingNames.${name}`);
  const channel = name.startsWith("settlementDelays.") ? name.slice(17) : null;
  if (isOneOf(transactionChannel.enumValues, channel))
    return t("audit.settingNames.settlementDelay", { channel: t(`channel.${channel}`) });
  return name;
}

/** One detail's value in words: names for people, times in the reader's zone, yes/no. */
function fieldValue(
  t: Translate,
  format: Formatter,
  names: ReadonlyMap<string, string>,
  key: string,
  value: unknown,
): string {
  if (typeof value === "boolean") return t(value ? "audit.yes" : "audit.no");
  if (typeof value === "number") return format.number(value);
  if (Array.isArray(value))
    return value.map((v) => fieldValue(t, format, names, key, v)).join(", ");
  if (value !== null && typeof value === "object") {
    return Object.entries(value)
      .map(([k, v]) => `${k}: ${fieldValue(t, format, names, k, v)}`)
      .join(", ");
  }
  const text = String(value);
  if (key === "fields") return settingName(t, text);
  if (names.has(text)) return names.get(text)!;
  if (key === "reason" && isOneOf(auditReasons, text)) return t(`audit.reasons.${text}`);
  if (key === "reason" && isOneOf(refundReasons, text)) return t(`refunds.reason.${text}`);
  if (key === "role" && isOneOf(roles, text)) return t(`role.${text}`);
  return codeInWords(t, format, key, text);
}

/** A recorded code in words: methods, outcomes, states and days; else as stored. */
function codeInWords(t: Translate, format: Formatter, key: string, text: string): string {
  if (isOneOf(signInMethods, text)) return t(`audit.methods.${text}`);
  if (key === "method" && isOneOf(refundMethods, text)) return t(`refunds.method.${text}`);
  if (key === "outcome" && isOneOf(deliveryOutcome.enumValues, text))
    return t(`callbacks.outcome.${text}`);
  if (isOneOf(transactionState.enumValues, text) && key.startsWith("state"))
    return t(`status.${text}`);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return formatDay(text, format.locale);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) return format.dateTime(text);
  return text;
}

export function describeAuditEntry(
  t: Translate,
  format: Formatter,
  row: AuditRowView,
  names: ReadonlyMap<string, string>,
): AuditDescription {
  const target = targetOf(t, row, names);
  const person = actorOf(t, row, target);
  const values = sentenceValues(t, format, row, { actor: person, target });
  const action = isAction(row.action) ? row.action : null;
  const said: readonly string[] = (action && saidInSentence[action]) || [];
  const fields = Object.entries(row.details)
    .filter(([key, value]) => value !== null && value !== "" && !said.includes(key))
    .map(([key, value]) => ({
      label: isOneOf(auditDetailKeys, key) ? t(`audit.details.${key}`) : key,
      value: fieldValue(t, format, names, key, value),
      ...(technicalKeys.has(key) ? { code: true } : {}),
    }));
  return {
    person,
    sentence: t(action ? `audit.sentences.${action}` : "audit.sentences.unknown", values),
    fields,
  };
}

/** The people an entry names by id (its target and details), to look up in one query. */
export function auditPeopleIds(rows: readonly AuditRowView[]): string[] {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const ids = new Set<string>();
  for (const row of rows) {
    if (row.targetType === "user" && row.targetId) ids.add(row.targetId);
    for (const key of ["requestedBy", "markedBy"]) {
      const v = row.details[key];
      if (typeof v === "string" && uuid.test(v)) ids.add(v);
    }
  }
  return [...ids].filter((id) => uuid.test(id));
}
