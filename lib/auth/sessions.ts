import "server-only";
import type { DbOrTx } from "@/db/client";
import { revokeSession, revokeUserSessions } from "@/db/queries/sessions";
import { recordAudit } from "@/lib/audit/record";

/** Why sessions end; shown in the audit log's details. */
export type SessionEndReason =
  | "sign_out"
  | "password_changed"
  | "ended_by_user"
  | "role_changed"
  | "disabled"
  | "password_reset_forced"
  | "two_factor_failed"
  | (string & {});

/**
 * Ends every live session of a person at once, in the caller's transaction (a role
 * change, a disable, a forced reset, a password change), and audits it when any ended.
 * `exceptSessionId` keeps one (the person's own, after changing their password).
 * Returns how many ended.
 */
export async function endUserSessions(
  tx: DbOrTx,
  userId: string,
  reason: SessionEndReason,
  options: { actorId?: string | null; exceptSessionId?: string; ip?: string | null } = {},
): Promise<number> {
  const ended = await revokeUserSessions(tx, userId, reason, options.exceptSessionId);
  if (ended > 0) {
    await recordAudit(tx, {
      action: "auth.sessions_ended",
      actorId: options.actorId ?? null,
      target: { type: "user", id: userId },
      ip: options.ip ?? null,
      details: { reason, count: ended, keptCurrent: Boolean(options.exceptSessionId) },
    });
  }
  return ended;
}

/** Ends one session of a person (theirs only); audited. Returns whether it was live. */
export async function endOneSession(
  tx: DbOrTx,
  userId: string,
  sessionId: string,
  reason: SessionEndReason,
  options: { actorId?: string | null; ip?: string | null } = {},
): Promise<boolean> {
  const ended = await revokeSession(tx, sessionId, reason, userId);
  if (ended) {
    await recordAudit(tx, {
      action: reason === "sign_out" ? "auth.sign_out" : "auth.sessions_ended",
      actorId: options.actorId ?? userId,
      target: { type: "session", id: sessionId },
      ip: options.ip ?? null,
      details: { reason, count: 1 },
    });
  }
  return ended;
}
