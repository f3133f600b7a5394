import "server-only";
import { getDb } from "@/db/client";
import { getPasswordHash, updatePasswordHash, updateUserName } from "@/db/queries/profile";
import { listLiveSessions } from "@/db/queries/sessions";
import {
  claimTimeStep,
  countUnusedRecoveryCodes,
  disableTwoFactor,
  enableTwoFactor,
  getTwoFactor,
  savePendingTwoFactor,
} from "@/db/queries/two-factor";
import { recordAudit } from "@/lib/audit/record";
import { loginNotChecked, loginSucceeded, reserveLoginAttempt } from "./login-limits";
import { hashPassword, verifyPassword } from "./password";
import { PasswordChecksBusy } from "./password-slots";
import type { CurrentUser } from "./session";
import { liftSecondStepLock } from "./second-step";
import { endOneSession, endUserSessions } from "./sessions";
import { describeDevice, readableAddress, type DeviceFacts } from "./user-agent";
import {
  checkSecondFactor,
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  openTotpSecret,
  sealTotpSecret,
  verifyTotpCode,
} from "./two-factor";

type Actor = Pick<CurrentUser, "id" | "email" | "sessionId">;

export async function changeName(user: Actor, name: string, ip: string | null): Promise<void> {
  await getDb().transaction(async (tx) => {
    await updateUserName(tx, user.id, name);
    await recordAudit(tx, {
      action: "user.profile_changed",
      actorId: user.id,
      target: { type: "user", id: user.id },
      ip,
      details: { fields: ["name"] },
    });
  });
}

/**
 * Changes a password given the current one (limited like a sign-in, so a borrowed
 * session cannot guess it); ends every other session, keeps this one. Throws
 * PasswordChecksBusy (an AppError the action shows) when no check slot is free.
 */
export async function changePassword(
  user: Actor,
  current: string,
  next: string,
  ip: string | null,
): Promise<"changed" | "wrong" | "limited"> {
  const verdict = await reserveLoginAttempt(user.email, ip);
  if (!verdict.allowed) return "limited";
  const hash = await getPasswordHash(getDb(), user.id);
  const ok = await verifyPassword(current, hash).catch(async (error: unknown) => {
    if (error instanceof PasswordChecksBusy) await loginNotChecked(user.email, ip, verdict);
    throw error;
  });
  if (!ok) return "wrong";
  await loginSucceeded(user.email, ip, verdict);
  const newHash = await hashPassword(next);
  await getDb().transaction(async (tx) => {
    await updatePasswordHash(tx, user.id, newHash, { chosenByOwner: true });
    // Past too many wrong codes the second step waits for a new password: this is it.
    const twoFactorUnlocked = await liftSecondStepLock(tx, user.id);
    await recordAudit(tx, {
      action: "auth.password_changed",
      actorId: user.id,
      target: { type: "user", id: user.id },
      ip,
      ...(twoFactorUnlocked ? { details: { twoFactorUnlocked } } : {}),
    });
    await endUserSessions(tx, user.id, "password_changed", {
      actorId: user.id,
      exceptSessionId: user.sessionId,
      ip,
    });
  });
  return "changed";
}

export async function endMySession(user: Actor, sessionId: string, ip: string | null) {
  return getDb().transaction((tx) =>
    endOneSession(tx, user.id, sessionId, "ended_by_user", { actorId: user.id, ip }),
  );
}

export async function endMyOtherSessions(user: Actor, ip: string | null): Promise<number> {
  return getDb().transaction((tx) =>
    endUserSessions(tx, user.id, "ended_by_user", {
      actorId: user.id,
      exceptSessionId: user.sessionId,
      ip,
    }),
  );
}

/** Starts (or restarts) a two-factor setup; false when it is already on. */
export async function startTwoFactorSetup(user: Actor): Promise<boolean> {
  const secret = newTotpSecret();
  return savePendingTwoFactor(user.id, sealTotpSecret(user.id, secret));
}

/** The secret of a setup in progress (to draw its QR code), or null. */
export async function pendingTwoFactorSecret(userId: string): Promise<string | null> {
  const row = await getTwoFactor(userId);
  return row && !row.enabledAt ? openTotpSecret(row) : null;
}

/**
 * Confirms a setup with a code from the app: turns two-factor on and returns the ten
 * recovery codes (shown once; stored as digests).
 */
export async function confirmTwoFactorSetup(
  user: Actor,
  code: string,
  ip: string | null,
): Promise<{ status: "enabled"; codes: string[] } | { status: "wrong" | "not_started" }> {
  const row = await getTwoFactor(user.id);
  if (!row || row.enabledAt) return { status: "not_started" };
  const step = await verifyTotpCode(openTotpSecret(row), code);
  if (step === null) return { status: "wrong" };
  const codes = newRecoveryCodes();
  const enabled = await getDb().transaction(async (tx) => {
    if (!(await enableTwoFactor(tx, user.id, codes.map(hashRecoveryCode)))) return false;
    // The confirming code's step is spent: it cannot also sign someone in.
    await claimTimeStep(tx, user.id, step);
    await recordAudit(tx, {
      action: "auth.two_factor_enabled",
      actorId: user.id,
      target: { type: "user", id: user.id },
      ip,
    });
    return true;
  });
  return enabled ? { status: "enabled", codes } : { status: "not_started" };
}

/** Turns two-factor off given a current code or a recovery code. */
export async function turnOffTwoFactor(
  user: Actor,
  code: string,
  ip: string | null,
): Promise<"disabled" | "wrong"> {
  const check = await checkSecondFactor(user.id, code);
  if (!check.ok) return "wrong";
  await getDb().transaction(async (tx) => {
    await disableTwoFactor(tx, user.id);
    await recordAudit(tx, {
      action: "auth.two_factor_disabled",
      actorId: user.id,
      target: { type: "user", id: user.id },
      ip,
      details: { confirmedWith: check.method },
    });
  });
  return "disabled";
}

export type MySession = {
  id: string;
  current: boolean;
  device: DeviceFacts | null;
  address: { local: boolean; address: string } | null;
  createdAt: string;
  lastSeenAt: string;
};

/** A person's live sessions for the profile, this device first. */
export async function mySessions(user: Actor): Promise<MySession[]> {
  const rows = await listLiveSessions(user.id);
  return rows
    .map((s) => ({
      id: s.id,
      current: s.id === user.sessionId,
      device: describeDevice(s.userAgent),
      address: readableAddress(s.ip),
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

export async function twoFactorStatus(userId: string): Promise<{
  enabled: boolean;
  enabledAt: Date | null;
  recoveryCodesLeft: number;
  /** When too many wrong codes locked the second step (lib/auth/second-step.ts). */
  lockedAt: Date | null;
}> {
  const row = await getTwoFactor(userId);
  if (!row?.enabledAt) {
    return { enabled: false, enabledAt: null, recoveryCodesLeft: 0, lockedAt: null };
  }
  return {
    enabled: true,
    enabledAt: row.enabledAt,
    recoveryCodesLeft: await countUnusedRecoveryCodes(userId),
    lockedAt: row.lockedAt,
  };
}
