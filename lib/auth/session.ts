import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { readPendingSession, readSessionUser } from "@/db/queries/sessions";
import { getUserById } from "@/db/queries/users";
import type { User } from "@/db/schema";
import { auth } from "./index";
import { holdOn } from "./holds";
import { loginPathFor, requestPathHeader } from "./next-path";
import { can, type Permission } from "./roles";

export type CurrentUser = Pick<User, "id" | "email" | "name" | "role" | "locale" | "timeZone"> & {
  /** This request's session (the `sessions` row): "this device" on the profile. */
  sessionId: string;
  twoFactorEnabled: boolean;
  /** An admin forced a password reset: only the profile is reachable until it is done. */
  mustChangePassword?: boolean;
};

/**
 * The signed-in user, read with their session from the database on every request (once
 * per render, one indexed round trip): a session that was ended, expired (idle or
 * absolute), still waiting for its two-factor code, or whose account is disabled is no
 * session, and a changed role takes effect at once.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const sessionId = (await auth())?.sessionId;
  if (!sessionId) return null;
  const row = await readSessionUser(sessionId);
  if (!row || row.twoFactorPendingUntil) return null;
  const { id, email, name, role, locale, timeZone, twoFactorEnabled, mustChangePassword } = row;
  return {
    id,
    email,
    name,
    role,
    locale,
    timeZone,
    sessionId,
    twoFactorEnabled,
    mustChangePassword,
  };
});

/** A sign-in waiting for its two-factor code in this browser, if any. */
export async function getPendingSignIn(): Promise<{
  sessionId: string;
  userId: string;
  email: string;
} | null> {
  const sessionId = (await auth())?.sessionId;
  if (!sessionId) return null;
  const pending = await readPendingSession(sessionId);
  if (!pending) return null;
  const user = await getUserById(pending.userId);
  return user ? { sessionId: pending.id, userId: pending.userId, email: user.email } : null;
}

/** Where an admin goes first when two-factor sign-in is required and not set up. */
export const twoFactorSetupPath = "/profile/two-factor";

/** Where a person an admin asked to choose a new password is sent until they do. */
export const passwordChangeRequiredPath = "/profile?password=required";

/**
 * For pages: the user, or a redirect to /login (or to /overview when the role falls
 * short). A person held back (lib/auth/holds.ts: a forced password reset, or two-factor
 * sign-in required and not set up) is sent to the profile step that releases them;
 * the profile's pages (`profile:update`) are those steps. The layout passes no
 * permission; every page names one.
 */
export async function requirePageUser(permission?: Permission): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) {
    // A session cookie that no longer names a live session: ended elsewhere. Say so on
    // the sign-in page and come back here afterwards.
    const ended = Boolean((await auth())?.sessionId) && !(await getPendingSignIn());
    redirect(loginPathFor((await headers()).get(requestPathHeader), ended));
  }
  const hold = permission ? await holdOn(user, permission) : null;
  if (hold === "passwordChange") redirect(passwordChangeRequiredPath);
  if (hold === "twoFactorSetup") redirect(`${twoFactorSetupPath}?required=1`);
  if (permission && !can(user.role, permission)) redirect("/overview?denied=1");
  return user;
}
