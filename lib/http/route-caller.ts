import "server-only";
import { holdOn } from "@/lib/auth/holds";
import { can, type Permission } from "@/lib/auth/roles";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { jsonError } from "./json-error";

const heldMessages = {
  passwordChange: "Choose a new password on your profile first.",
  twoFactorSetup: "Set up two-factor sign-in on your profile first.",
} as const;

/**
 * Who may call a route handler: signed in (401), allowed by role (403) and not held
 * back by a forced password reset or required two-factor setup (403), the same checks
 * as pages and server actions. Returns the user, or the error response to send.
 */
export async function routeCaller(
  permission: Permission,
  refusals: { signedOut: string; role: string },
): Promise<{ user: CurrentUser; refused?: never } | { user?: never; refused: Response }> {
  const user = await getCurrentUser();
  if (!user) return { refused: jsonError(401, refusals.signedOut) };
  if (!can(user.role, permission)) return { refused: jsonError(403, refusals.role) };
  const hold = await holdOn(user, permission);
  if (hold) return { refused: jsonError(403, heldMessages[hold]) };
  return { user };
}
