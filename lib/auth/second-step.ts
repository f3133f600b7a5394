import "server-only";
import { getDb, type DbOrTx } from "@/db/client";
import {
  completeTwoFactor,
  countTwoFactorFailure,
  markSignedIn,
  revokeSession,
} from "@/db/queries/sessions";
import { getTwoFactor, lockTwoFactor, unlockTwoFactor } from "@/db/queries/two-factor";
import { recordAudit } from "@/lib/audit/record";
import { queueEmailJobs } from "@/lib/jobs/enqueue";
import { noticeNewDevice, noticeSecondStepLocked } from "@/lib/notices/security";
import {
  codeSucceeded,
  countCodeFailure,
  forgetCodeFailures,
  loginLimits,
  reserveCodeAttempt,
} from "./login-limits";
import { checkSecondFactor, type SecondFactorResult } from "./two-factor";

export type SecondStepOutcome = "ok" | "wrong" | "limited" | "ended" | "locked";

type Pending = { sessionId: string; userId: string };

/**
 * The two-factor step of signing in: a code from the authenticator app or a recovery
 * code turns the waiting session into a full one. Limited per person (10 per 15
 * minutes) and per address (20 per 15 minutes), both counted before checking; per
 * waiting session (5 wrong codes end it, so the password must be given again, itself
 * limited); and per person per day: past 30 wrong codes the second step locks until
 * the password is changed or an admin forces a reset (`liftSecondStepLock`), and the
 * lock is audited under the person's name.
 */
export async function completeSecondStep(
  pending: Pending,
  code: string,
  ip: string | null,
): Promise<SecondStepOutcome> {
  const { userId } = pending;
  if ((await getTwoFactor(userId))?.lockedAt) return "locked";
  if (!(await reserveCodeAttempt(userId, ip))) return "limited";
  const result = await checkSecondFactor(userId, code);
  if (!result.ok) return secondStepFailed(pending, ip);
  if (!(await finishSignIn(pending, result, ip))) return "ended";
  await codeSucceeded(userId, ip);
  return "ok";
}

/** A wrong code, counted for the session and the person's day; audited as theirs. */
async function secondStepFailed(pending: Pending, ip: string | null): Promise<SecondStepOutcome> {
  const { sessionId, userId } = pending;
  const failures = await countTwoFactorFailure(sessionId);
  const today = await countCodeFailure(userId);
  const locking = today >= loginLimits.codeFailuresPerDay;
  const ended = locking || failures >= loginLimits.codesPerSession;
  const noticeId = await getDb().transaction(async (tx) => {
    if (ended) {
      await revokeSession(
        tx,
        sessionId,
        locking ? "two_factor_locked" : "two_factor_failed",
        userId,
      );
    }
    // The password passed: the person is known, whoever is typing the codes.
    await recordAudit(tx, {
      action: "auth.sign_in_failed",
      actorId: userId,
      target: { type: "user", id: userId },
      ip,
      details: { reason: "wrong_code", sessionEnded: ended },
    });
    if (locking && (await lockTwoFactor(tx, userId))) {
      await recordAudit(tx, {
        action: "auth.two_factor_locked",
        actorId: userId,
        target: { type: "user", id: userId },
        ip,
        details: { wrongCodesToday: today },
      });
      return noticeSecondStepLocked(tx, userId);
    }
    return null;
  });
  if (noticeId) await queueEmailJobs([noticeId]);
  return locking ? "locked" : ended ? "ended" : "wrong";
}

/** The code passed: the session becomes a full one, audited in the same transaction. */
async function finishSignIn(
  pending: Pending,
  result: Extract<SecondFactorResult, { ok: true }>,
  ip: string | null,
): Promise<boolean> {
  const { sessionId, userId } = pending;
  const done = await getDb().transaction(async (tx) => {
    if (!(await completeTwoFactor(tx, sessionId))) return { ok: false, noticeId: null };
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
    return { ok: true, noticeId: await noticeNewDevice(tx, { id: sessionId, userId }) };
  });
  if (done.noticeId) await queueEmailJobs([done.noticeId]);
  return done.ok;
}

/** A new password or an admin's forced reset: codes are accepted again; true if it was locked. */
export async function liftSecondStepLock(tx: DbOrTx, userId: string): Promise<boolean> {
  await forgetCodeFailures(tx, userId);
  return unlockTwoFactor(tx, userId);
}
