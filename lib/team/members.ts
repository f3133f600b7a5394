import "server-only";
import { getDb } from "@/db/client";
import {
  isLastAdminViolation,
  lockAdminChanges,
  lockUser,
  updateUserAccount,
} from "@/db/queries/team";
import type { UserRole } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { unlockAccount } from "@/lib/auth/login-limits";
import { liftSecondStepLock } from "@/lib/auth/second-step";
import { endUserSessions } from "@/lib/auth/sessions";
import { AppError } from "@/lib/errors";

export type MemberChange =
  | { kind: "role"; role: UserRole }
  | { kind: "disable" }
  | { kind: "enable" }
  | { kind: "force_password_reset" };

export type MemberChangeMessages = {
  notFound: string;
  lastAdmin: string;
  unchanged: string;
};

/**
 * An admin's change to a colleague's account, audited in the same transaction. The
 * database refuses to leave no active admin (trigger `users_keep_an_active_admin`),
 * race-safe, and that refusal becomes a clear message. A role change, a disable and a
 * forced reset end the person's sessions; a forced reset also lifts a sign-in lock
 * (lib/auth/login-limits.ts) and a two-factor lock (lib/auth/second-step.ts), so the
 * person can sign in to choose the new password.
 */
export async function changeMember(
  targetId: string,
  change: MemberChange,
  actor: { id: string; ip: string | null },
  messages: MemberChangeMessages,
): Promise<void> {
  try {
    await getDb().transaction(async (tx) => {
      if (change.kind === "role" || change.kind === "disable") await lockAdminChanges(tx);
      const target = await lockUser(tx, targetId);
      if (!target) throw new AppError("not_found", messages.notFound);
      const audit = { actorId: actor.id, ip: actor.ip, target: { type: "user", id: target.id } };
      switch (change.kind) {
        case "role": {
          if (target.role === change.role) throw new AppError("conflict", messages.unchanged);
          await updateUserAccount(tx, target.id, { role: change.role });
          await recordAudit(tx, {
            ...audit,
            action: "user.role_changed",
            details: { from: target.role, to: change.role },
          });
          await endUserSessions(tx, target.id, "role_changed", { actorId: actor.id, ip: actor.ip });
          return;
        }
        case "disable": {
          if (target.disabledAt) throw new AppError("conflict", messages.unchanged);
          await updateUserAccount(tx, target.id, { disabledAt: new Date() });
          await recordAudit(tx, { ...audit, action: "user.disabled" });
          await endUserSessions(tx, target.id, "disabled", { actorId: actor.id, ip: actor.ip });
          return;
        }
        case "enable": {
          if (!target.disabledAt) throw new AppError("conflict", messages.unchanged);
          await updateUserAccount(tx, target.id, { disabledAt: null });
          await recordAudit(tx, { ...audit, action: "user.enabled" });
          return;
        }
        case "force_password_reset": {
          await updateUserAccount(tx, target.id, { mustChangePassword: true });
          await unlockAccount(tx, target.email);
          const twoFactorUnlocked = await liftSecondStepLock(tx, target.id);
          await recordAudit(tx, {
            ...audit,
            action: "user.password_reset_forced",
            ...(twoFactorUnlocked ? { details: { twoFactorUnlocked } } : {}),
          });
          await endUserSessions(tx, target.id, "password_reset_forced", {
            actorId: actor.id,
            ip: actor.ip,
          });
          return;
        }
      }
    });
  } catch (error) {
    if (isLastAdminViolation(error)) throw new AppError("conflict", messages.lastAdmin);
    throw error;
  }
}
