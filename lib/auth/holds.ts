import "server-only";
import type { UserRole } from "@/db/schema";
import type { Permission } from "./roles";
import { requireAdminTwoFactor } from "./two-factor-policy";

type Holder = { role: UserRole; twoFactorEnabled: boolean; mustChangePassword?: boolean };

/** What must be done first: a password an admin asked to change, or required 2FA. */
export type Hold = "passwordChange" | "twoFactorSetup";

/** True when this person must set up two-factor sign-in before anything else. */
export async function mustSetUpTwoFactor(user: Holder): Promise<boolean> {
  return user.role === "admin" && !user.twoFactorEnabled && (await requireAdminTwoFactor());
}

/**
 * Whether this person is held back from `permission` until they finish a step, whatever
 * their role allows. Pages, server actions and route handlers all ask this, so a held
 * person cannot reach by a POST or a fetch what the pages would redirect them away
 * from. The profile's own steps (`profile:update`: change the password, set up
 * two-factor sign-in, end sessions) are the way out, so they are never held.
 */
export async function holdOn(user: Holder, permission: Permission): Promise<Hold | null> {
  if (permission === "profile:update") return null;
  if (user.mustChangePassword) return "passwordChange";
  if (await mustSetUpTwoFactor(user)) return "twoFactorSetup";
  return null;
}
