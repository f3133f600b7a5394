import "server-only";
import { getDb } from "@/db/client";
import { insertSession, markSignedIn } from "@/db/queries/sessions";
import { updatePasswordHash } from "@/db/queries/profile";
import { getUserByEmail } from "@/db/queries/users";
import { getTwoFactor } from "@/db/queries/two-factor";
import { recordAudit } from "@/lib/audit/record";
import { getEnv } from "@/lib/env";
import { queueEmailJobs } from "@/lib/jobs/enqueue";
import { noticeNewDevice } from "@/lib/notices/security";
import {
  applyDelay,
  clientIp,
  emailDigest,
  loginNotChecked,
  loginSucceeded,
  reserveLoginAttempt,
} from "./login-limits";
import { hashPassword, needsRehash, verifyPassword } from "./password";
import { PasswordChecksBusy } from "./password-slots";
import { storableUserAgent } from "./user-agent";

/** How long the second step (the two-factor code) may take after the password. */
export const twoFactorStepMinutes = 10;

export type PasswordSignInResult =
  | { status: "signed_in"; userId: string; sessionId: string }
  | { status: "two_factor"; userId: string; sessionId: string }
  | { status: "wrong" }
  /** Past a guessing limit; "account": locked for every unknown address (an admin can lift it). */
  | { status: "limited"; reason: "pair" | "address" | "account" }
  /** Every password-check slot of this process was taken (password-slots.ts): try again. */
  | { status: "busy" };

/**
 * The password step of signing in, for every path (the form's action and Auth.js's own
 * endpoint come through `authorize`). Reserves an attempt first (lib/auth/login-limits.ts),
 * checks the password, and on success creates the session row (waiting for a code when
 * the person uses two-factor sign-in) and audits it in the same transaction.
 */
export async function signInWithPassword(input: {
  email: string;
  password: string;
  headers: Headers;
}): Promise<PasswordSignInResult> {
  const { email, password, headers } = input;
  const ip = clientIp(headers);
  const verdict = await reserveLoginAttempt(email, ip);
  if (!verdict.allowed) return { status: "limited", reason: verdict.reason };
  await applyDelay(verdict);
  const user = await getUserByEmail(email);
  const passwordOk = await checkPassword(password, user?.passwordHash ?? null);
  if (passwordOk === "busy") {
    await loginNotChecked(email, ip, verdict);
    return { status: "busy" };
  }
  if (!user || !passwordOk || user.disabledAt) {
    const reason = !user ? "unknown_account" : !passwordOk ? "wrong_password" : "disabled";
    await auditFailure(email, user?.id ?? null, ip, reason);
    return { status: "wrong" };
  }
  await loginSucceeded(email, ip, verdict);
  if (needsRehash(user.passwordHash)) await rehash(user.id, password);
  const twoFactor = await getTwoFactor(user.id);
  const pending = Boolean(twoFactor?.enabledAt);
  const sessionId = await startSession(user.id, ip, headers, pending);
  return { status: pending ? "two_factor" : "signed_in", userId: user.id, sessionId };
}

/** The password check, or "busy" when this process's check slots are all taken. */
async function checkPassword(password: string, hash: string | null): Promise<boolean | "busy"> {
  try {
    return await verifyPassword(password, hash);
  } catch (error) {
    if (error instanceof PasswordChecksBusy) return "busy";
    throw error;
  }
}

/** An old hash (bcrypt, or a lower argon2 cost) is redone; when busy, at a later sign-in. */
async function rehash(userId: string, password: string): Promise<void> {
  try {
    await updatePasswordHash(getDb(), userId, await hashPassword(password));
  } catch (error) {
    if (!(error instanceof PasswordChecksBusy)) throw error;
  }
}

async function auditFailure(
  email: string,
  userId: string | null,
  ip: string | null,
  reason: "unknown_account" | "wrong_password" | "disabled",
): Promise<void> {
  await recordAudit(getDb(), {
    action: "auth.sign_in_failed",
    actorId: null,
    target: userId ? { type: "user", id: userId } : undefined,
    ip,
    details: {
      reason,
      // A keyed digest, so repeated tries at one address can be told apart, never read.
      ...(userId ? {} : { emailDigest: emailDigest(email, getEnv().authSecret) }),
    },
  });
}

/** The session row (waiting for a code when `pending`), audited in the same transaction. */
async function startSession(
  userId: string,
  ip: string | null,
  headers: Headers,
  pending: boolean,
): Promise<string> {
  const userAgent = storableUserAgent(headers.get("user-agent"));
  const { id, noticeId } = await getDb().transaction(async (tx) => {
    const created = await insertSession(tx, {
      userId,
      ip,
      userAgent,
      twoFactorPendingUntil: pending ? new Date(Date.now() + twoFactorStepMinutes * 60_000) : null,
    });
    if (!pending) {
      await markSignedIn(tx, userId);
      await recordAudit(tx, {
        action: "auth.sign_in",
        actorId: userId,
        target: { type: "session", id: created.id },
        ip,
        details: { method: "password" },
      });
    }
    // With a second step, the notice waits for the code (lib/auth/second-step.ts).
    const noticeId = pending ? null : await noticeNewDevice(tx, { id: created.id, userId });
    return { id: created.id, noticeId };
  });
  if (noticeId) await queueEmailJobs([noticeId]);
  return id;
}
