import "server-only";
import type { DbOrTx } from "@/db/client";
import { insertAuditEntry } from "@/db/queries/audit";
import type { GatewayMode } from "@purwantara/contract";
import type { AuditAction } from "./actions";

export { auditActions, type AuditAction } from "./actions";

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
