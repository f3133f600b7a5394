import "server-only";
import { AppError } from "@/lib/errors";
import { holdOn } from "./holds";
import { can, type Permission } from "./roles";
import { getCurrentUser, type CurrentUser } from "./session";

/** The English words of a held person's refusal (a JSON route answers with them). */
const heldMessages = {
  passwordChange: "Choose a new password on your profile first.",
  twoFactorSetup: "Set up two-factor sign-in on your profile first.",
} as const;

export const roleRefusalKey = "actions.roleNotAllowed";

/**
 * Who may act, for pages' actions and route handlers alike: signed in (401), allowed by
 * role (403), and not held back by a forced password change or a required two-factor
 * setup (403). Returns the user or throws the AppError that says which.
 */
export async function authorize(permission: Permission): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) {
    throw new AppError("unauthenticated", "Sign in first.", { key: "actions.sessionEnded" });
  }
  if (!can(user.role, permission)) {
    throw new AppError("forbidden", "Your role cannot do this.", {
      key: roleRefusalKey,
      values: { role: { key: `role.${user.role}` } },
    });
  }
  const hold = await holdOn(user, permission);
  if (hold) throw new AppError("forbidden", heldMessages[hold], { key: `actions.held.${hold}` });
  return user;
}
