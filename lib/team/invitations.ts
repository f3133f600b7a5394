import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { getDb } from "@/db/client";
import {
  findUserIdByEmail,
  getInvitationByTokenHash,
  insertInvitation,
  insertUser,
  lockInvitationByTokenHash,
  markInvitationAccepted,
  revokeInvitation,
  revokePendingInvitationsFor,
} from "@/db/queries/team";
import type { Invitation, User, UserRole } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { queueEmailJobs } from "@/lib/jobs/enqueue";
import { queueEmail } from "@/lib/mail/outbox";

/** [chosen, by the issue] An invitation link works for 72 hours. */
export const invitationLifetimeMs = 72 * 60 * 60 * 1000;

/** Only the hash is stored: a database leak does not leak working links. */
export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

export type InvitationState =
  | { status: "valid"; invitation: Invitation }
  | { status: "expired" | "used" | "revoked" | "unknown" };

function stateOf(invitation: (Invitation & { expired: boolean }) | null): InvitationState {
  if (!invitation) return { status: "unknown" };
  if (invitation.acceptedAt) return { status: "used" };
  if (invitation.revokedAt) return { status: "revoked" };
  if (invitation.expired) return { status: "expired" };
  return { status: "valid", invitation };
}

export async function readInvitation(token: string): Promise<InvitationState> {
  if (!tokenPattern.test(token)) return { status: "unknown" };
  return stateOf(await getInvitationByTokenHash(hashInvitationToken(token)));
}

export type InviteRequest = {
  email: string;
  role: UserRole;
  actorId: string;
  ip: string | null;
  /** The language the invitation email is written in. */
  locale?: Locale;
};

/** When set, the invitation is also emailed (an SMTP server is configured). */
export type InvitationEmail = {
  inviterName: string;
  /** The page the link opens, made from the token. */
  link: (token: string) => string;
  /** The zone the link's expiry is written in (the merchant's default). */
  timeZone: string;
};

/**
 * Makes an invitation and returns its one-time token (shown once, to the admin).
 * A pending invitation to the same address is replaced; an existing account refused.
 */
export async function createInvitation(
  request: InviteRequest,
  messages: { accountExists: string },
  email?: InvitationEmail,
): Promise<{ token: string; invitation: Invitation; emailed: boolean }> {
  const token = randomBytes(32).toString("base64url");
  const made = await getDb().transaction(async (tx) => {
    if (await findUserIdByEmail(tx, request.email))
      throw new AppError("conflict", messages.accountExists);
    const replaced = await revokePendingInvitationsFor(tx, request.email, request.actorId);
    const invitation = await insertInvitation(tx, {
      email: request.email,
      role: request.role,
      tokenHash: hashInvitationToken(token),
      invitedBy: request.actorId,
      expiresAt: new Date(Date.now() + invitationLifetimeMs),
      locale: request.locale ?? "id",
    });
    await recordAudit(tx, {
      action: "user.invited",
      actorId: request.actorId,
      target: { type: "invitation", id: invitation.id },
      ip: request.ip,
      details: { role: request.role, replaced: replaced.length, emailed: Boolean(email) },
    });
    const outbox = email
      ? await queueEmail(tx, {
          to: invitation.email,
          template: "invitation",
          locale: invitation.locale,
          data: {
            inviterName: email.inviterName,
            role: invitation.role,
            expiresAt: invitation.expiresAt.toISOString(),
            timeZone: email.timeZone,
          },
          secrets: { link: email.link(token) },
          dedupeKey: `invitation:${invitation.id}`,
          createdBy: request.actorId,
        })
      : null;
    return { invitation, outboxId: outbox?.id ?? null };
  });
  if (made.outboxId) await queueEmailJobs([made.outboxId]);
  return { token, invitation: made.invitation, emailed: made.outboxId !== null };
}

export async function revokeInvitationById(
  id: string,
  actorId: string,
  ip: string | null,
  messages: { notPending: string },
): Promise<void> {
  await getDb().transaction(async (tx) => {
    const revoked = await revokeInvitation(tx, id, actorId);
    if (!revoked) throw new AppError("conflict", messages.notPending);
    await recordAudit(tx, {
      action: "user.invitation_revoked",
      actorId,
      target: { type: "invitation", id },
      ip,
      details: { role: revoked.role },
    });
  });
}

export type AcceptResult =
  | { ok: true; user: User }
  | { ok: false; reason: "expired" | "used" | "revoked" | "unknown" | "account_exists" };

/**
 * Turns a valid invitation into an account, once: the invitation row is locked, so
 * two simultaneous acceptances make one account and the other is told it is used.
 */
export async function acceptInvitation(
  token: string,
  input: { name: string; password: string; locale: "id" | "en" },
  ip: string | null,
): Promise<AcceptResult> {
  if (!tokenPattern.test(token)) return { ok: false, reason: "unknown" };
  const passwordHash = await hashPassword(input.password);
  return getDb().transaction(async (tx) => {
    const state = stateOf(await lockInvitationByTokenHash(tx, hashInvitationToken(token)));
    if (state.status !== "valid") return { ok: false, reason: state.status };
    const { invitation } = state;
    if (await findUserIdByEmail(tx, invitation.email))
      return { ok: false, reason: "account_exists" };
    const user = await insertUser(tx, {
      email: invitation.email,
      name: input.name,
      role: invitation.role,
      locale: input.locale,
      passwordHash,
    });
    await markInvitationAccepted(tx, invitation.id, user.id);
    await recordAudit(tx, {
      action: "user.joined",
      actorId: user.id,
      target: { type: "user", id: user.id },
      ip,
      details: { role: invitation.role, invitation: invitation.id },
    });
    return { ok: true, user };
  });
}
