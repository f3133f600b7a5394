import "server-only";
import { getDb } from "@/db/client";
import {
  completeTwoFactor,
  countTwoFactorFailure,
  markSignedIn,
  revokeSession,
} from "@/db/queries/sessions";
import { recordAudit } from "@/lib/audit/record";
import { codeSucceeded, loginLimits, reserveCodeAttempt } from "./login-limits";
import { checkSecondFactor } from "./two-factor";

export type SecondStepOutcome = "ok" | "wrong" | "limited" | "ended";

/**
 * The two-factor step of signing in: a code from the authenticator app or a recovery
 * code turns the waiting session into a full one. Limited per person (10 per 15
 * minutes, counted before checking) and per waiting session (5 wrong codes end it, so
 * the password must be given again, itself limited).
 */
export async function completeSecondStep(
  pending: { sessionId: string; userId: string },
  code: string,
  ip: string | null,
): Promise<SecondStepOutcome> {
  const { sessionId, userId } = pending;
  if (!(await reserveCodeAttempt(userId))) return "limited";
  const result = await checkSecondFactor(userId, code);
  if (!result.ok) {
    const failures = await countTwoFactorFailure(sessionId);
    const ended = failures >= loginLimits.codesPerSession;
    await getDb().transaction(async (tx) => {
      if (ended) await revokeSession(tx, sessionId, "two_factor_failed", userId);
      await recordAudit(tx, {
        action: "auth.sign_in_failed",
        actorId: null,
        target: { type: "user", id: userId },
        ip,
        details: { reason: "wrong_code", sessionEnded: ended },
      });
    });
    return ended ? "ended" : "wrong";
  }
  const completed = await getDb().transaction(async (tx) => {
    if (!(await completeTwoFactor(tx, sessionId))) return false;
    await markSignedIn(tx, userId);
    await recordAudit(tx, {
      action: "auth.sign_in",
      actorId: userId,
      target: { type: "session", id: sessionId },
      ip,
      details: { method: result.method },
    });
    if (result.method === "recovery_code") {
      await recordAudit(tx, {
        action: "auth.recovery_code_used",
        actorId: userId,
        target: { type: "user", id: userId },
        ip,
      });
    }
    return true;
  });
  if (!completed) return "ended";
  await codeSucceeded(userId);
  return "ok";
}
