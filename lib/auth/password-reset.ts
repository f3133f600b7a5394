import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { getDb } from "@/db/client";
import { countAttempt } from "@/db/queries/login-attempts";
import {
  getResetTokenByHash,
  insertResetToken,
  lockUserById,
  spendResetTokens,
} from "@/db/queries/password-reset";
import { updatePasswordHash } from "@/db/queries/profile";
import { getUserByEmail } from "@/db/queries/users";
import { recordAudit } from "@/lib/audit/record";
import { addressGroup } from "@/lib/http/address-group";
import { queueEmailJobs } from "@/lib/jobs/enqueue";
import { queueEmail } from "@/lib/mail/outbox";
import { unlockAccount } from "./login-limits";
import { hashPassword, verifyPassword } from "./password";
import { endUserSessions } from "./sessions";

/**
 * [chosen] "Forgot password": a link works once, for 30 minutes; at most 3 links per
 * account and 10 requests per client address an hour (beyond that nothing is sent,
 * and the answer is the same).
 */
export const passwordResetRules = {
  lifetimeMinutes: 30,
  perAccountPerHour: 3,
  perAddressPerHour: 10,
} as const;

const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

export function hashResetToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

const digest = (email: string) =>
  createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 32);

export type ResetRequest = {
  email: string;
  ip: string | null;
  /** The app's own public address (APP_URL), never one taken from the request's Host. */
  origin: string;
};

/**
 * Sends a reset link if the address is an active account and the limits allow it.
 * Says nothing about which happened: the caller answers the same either way.
 */
export async function requestPasswordReset(request: ResetRequest): Promise<void> {
  const group = request.ip ? addressGroup(request.ip) : null;
  if (group) {
    const { count } = await countAttempt(`reset-ip:${group}`, 60);
    if (count > passwordResetRules.perAddressPerHour) return;
  }
  const { count } = await countAttempt(`reset-account:${digest(request.email)}`, 60);
  if (count > passwordResetRules.perAccountPerHour) return;
  const user = await getUserByEmail(request.email);
  if (!user || user.disabledAt) return;

  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + passwordResetRules.lifetimeMinutes * 60_000);
  const email = await getDb().transaction(async (tx) => {
    const row = await insertResetToken(tx, {
      userId: user.id,
      tokenHash: hashResetToken(token),
      expiresAt,
      requestedIp: request.ip,
    });
    await recordAudit(tx, {
      action: "auth.password_reset_requested",
      actorId: null,
      target: { type: "user", id: user.id },
      ip: request.ip,
    });
    return queueEmail(tx, {
      to: user.email,
      template: "password_reset",
      locale: user.locale,
      data: { email: user.email, expiresAt: expiresAt.toISOString(), timeZone: user.timeZone },
      secrets: { link: `${request.origin}/reset-password/${token}` },
      dedupeKey: `password-reset:${row.id}`,
    });
  });
  await queueEmailJobs([email.id]);
}

export type ResetLinkState = "valid" | "expired" | "used" | "unknown";
/** Why a reset did not happen: the link, or a new password equal to the current one. */
export type ResetRefusal = Exclude<ResetLinkState, "valid"> | "same_password";

export async function readResetLink(token: string): Promise<ResetLinkState> {
  if (!tokenPattern.test(token)) return "unknown";
  const row = await getResetTokenByHash(getDb(), hashResetToken(token));
  if (!row) return "unknown";
  if (row.usedAt) return "used";
  return row.expired ? "expired" : "valid";
}

/**
 * Sets the new password through a valid link, once (the link's row is locked): every
 * link of the person is spent, every session ends, a sign-in lock is lifted, and it is
 * audited. The person then signs in (and passes their second step, if they have one).
 */
export async function resetPassword(
  token: string,
  password: string,
  ip: string | null,
): Promise<{ ok: true; email: string } | { ok: false; reason: ResetRefusal }> {
  if (!tokenPattern.test(token)) return { ok: false, reason: "unknown" };
  const passwordHash = await hashPassword(password);
  return getDb().transaction(async (tx) => {
    const link = await getResetTokenByHash(tx, hashResetToken(token), { lock: true });
    if (!link) return { ok: false as const, reason: "unknown" as const };
    if (link.usedAt) return { ok: false as const, reason: "used" as const };
    if (link.expired) return { ok: false as const, reason: "expired" as const };
    const user = await lockUserById(tx, link.userId);
    if (!user || user.disabledAt) return { ok: false as const, reason: "unknown" as const };
    // The link stays usable: the person picks another password with it.
    if (await verifyPassword(password, user.passwordHash)) {
      return { ok: false as const, reason: "same_password" as const };
    }
    await updatePasswordHash(tx, user.id, passwordHash, { chosenByOwner: true });
    await spendResetTokens(tx, user.id);
    await unlockAccount(tx, user.email);
    await recordAudit(tx, {
      action: "auth.password_reset",
      actorId: user.id,
      target: { type: "user", id: user.id },
      ip,
    });
    await endUserSessions(tx, user.id, "password_reset", { actorId: user.id, ip });
    return { ok: true as const, email: user.email };
  });
}
