import "server-only";
import type { DbOrTx } from "@/db/client";
import { insertAuditEntry } from "@/db/queries/audit";
import type { GatewayMode } from "@/lib/purwantara/contract";

/**
 * Every action the audit log knows. One list, so the audit page can filter and
 * translate by it (messages: `audit.actions.<action>`). Extend it here, nowhere else.
 */
export const auditActions = [
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.sign_out",
  "auth.password_changed",
  "auth.sessions_ended",
  "auth.two_factor_enabled",
  "auth.two_factor_disabled",
  "auth.recovery_code_used",
  "auth.two_factor_locked",
  "auth.password_reset_requested",
  "auth.password_reset",
  "user.invited",
  "email.test_sent",
  "email.resent",
  "user.invitation_revoked",
  "user.joined",
  "user.role_changed",
  "user.disabled",
  "user.enabled",
  "user.password_reset_forced",
  "user.profile_changed",
  "settings.changed",
  "settings.secret_rotated",
  "settings.secret_retired",
  "settings.mode_switched",
  "payment.cancelled",
  "export.started",
  "export.completed",
  "export.aborted",
  // Transaction exports recorded before export.started/completed/aborted existed.
  "export.csv",
  "export.xlsx",
  "export.audit_csv",
  "export.refunds_csv",
  "callback.replayed",
  "callback.resolved",
  "callback.reverified",
  "reconciliation.marked",
  "reconciliation.approved",
  "reconciliation.rejected",
  "reconciliation.adjustment_reviewed",
  "refund.requested",
  "refund.approved",
  "refund.rejected",
] as const;
export type AuditAction = (typeof auditActions)[number];

export type AuditEntryInput = {
  action: AuditAction;
  /** Null for the system or an unknown person. */
  actorId: string | null;
  mode?: GatewayMode | null;
  target?: { type: string; id: string };
  ip?: string | null;
  /** Facts, never secrets, passwords or a buyer's personal data. */
  details?: Record<string, unknown>;
};

/**
 * Records an action in the audit log. Call it with the transaction that makes the
 * change, so the entry exists exactly when the change does.
 */
export async function recordAudit(db: DbOrTx, input: AuditEntryInput): Promise<void> {
  await insertAuditEntry(db, {
    action: input.action,
    actorId: input.actorId,
    mode: input.mode ?? null,
    targetType: input.target?.type ?? null,
    targetId: input.target?.id ?? null,
    ip: input.ip ?? null,
    details: input.details ?? {},
  });
}
