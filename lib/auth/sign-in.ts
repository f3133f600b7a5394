import "server-only";
import { getDb } from "@/db/client";
import { insertSession, markSignedIn } from "@/db/queries/sessions";
import { updatePasswordHash } from "@/db/queries/profile";
import { getUserByEmail } from "@/db/queries/users";
import { getTwoFactor } from "@/db/queries/two-factor";
import { recordAudit } from "@/lib/audit/record";
import { getEnv } from "@/lib/env";
import {
  applyDelay,
  clientIp,
  emailDigest,
  loginSucceeded,
  reserveLoginAttempt,
} from "./login-limits";
import { hashPassword, needsRehash, verifyPassword } from "./password";
import { summarizeUserAgent } from "./user-agent";

/** How long the second step (the two-factor code) may take after the password. */
export const twoFactorStepMinutes = 10;

export type PasswordSignInResult =
  | { status: "signed_in"; userId: string; sessionId: string }
  | { status: "two_factor"; userId: string; sessionId: string }
  | { status: "wrong" }
  | { status: "limited" };

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
  if (!verdict.allowed) return { status: "limited" };
  await applyDelay(verdict);
  const user = await getUserByEmail(email);
  const passwordOk = await verifyPassword(password, user?.passwordHash ?? null);
  if (!user || !passwordOk || user.disabledAt) {
    await recordAudit(getDb(), {
      action: "auth.sign_in_failed",
      actorId: null,
      target: user ? { type: "user", id: user.id } : undefined,
      ip,
      details: {
        reason: !user ? "unknown_account" : !passwordOk ? "wrong_password" : "disabled",
        // A keyed digest, so repeated tries at one address can be told apart, never read.
        ...(user ? {} : { emailDigest: emailDigest(email, getEnv().authSecret) }),
      },
    });
    return { status: "wrong" };
  }
  await loginSucceeded(email, ip);
  if (needsRehash(user.passwordHash)) {
    await updatePasswordHash(getDb(), user.id, await hashPassword(password));
  }
  const twoFactor = await getTwoFactor(user.id);
  const pending = Boolean(twoFactor?.enabledAt);
  const session = await getDb().transaction(async (tx) => {
    const created = await insertSession(tx, {
      userId: user.id,
      ip,
      userAgent: summarizeUserAgent(headers.get("user-agent")),
      twoFactorPendingUntil: pending ? new Date(Date.now() + twoFactorStepMinutes * 60_000) : null,
    });
    if (!pending) {
      await markSignedIn(tx, user.id);
      await recordAudit(tx, {
        action: "auth.sign_in",
        actorId: user.id,
        target: { type: "session", id: created.id },
        ip,
        details: { method: "password" },
      });
    }
    return created;
  });
  return {
    status: pending ? "two_factor" : "signed_in",
    userId: user.id,
    sessionId: session.id,
  };
}
