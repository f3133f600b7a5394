import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getUserById } from "@/db/queries/users";
import type { User } from "@/db/schema";
import { auth } from "./index";
import { can, type Permission } from "./roles";

export type CurrentUser = Pick<User, "id" | "email" | "name" | "role" | "locale" | "timeZone">;

/**
 * The signed-in user, read from the database on every request (once per render),
 * so a disabled account or a changed role takes effect at once.
 */
const getSignedInAccount = cache(
  async (): Promise<{ user: CurrentUser; mustChangePassword: boolean } | null> => {
    const session = await auth();
    const id = session?.user?.id;
    if (!id) return null;
    const user = await getUserById(id);
    if (!user || user.disabledAt) return null;
    const { email, name, role, locale, timeZone } = user;
    return {
      user: { id, email, name, role, locale, timeZone },
      mustChangePassword: user.mustChangePassword,
    };
  },
);

export const getCurrentUser = cache(
  async (): Promise<CurrentUser | null> => (await getSignedInAccount())?.user ?? null,
);

/** Where a person an admin asked to choose a new password is sent until they do. */
export const passwordChangeRequiredPath = "/profile?password=required";

/**
 * For pages: the user, or a redirect to /login (or to / when the role falls short).
 * After an admin forced a password reset, every page but the profile (where the
 * password is changed) redirects there; the layout passes no permission, every page names one.
 */
export async function requirePageUser(permission?: Permission): Promise<CurrentUser> {
  const account = await getSignedInAccount();
  if (!account) redirect("/login");
  const { user } = account;
  if (account.mustChangePassword && permission && permission !== "profile:update")
    redirect(passwordChangeRequiredPath);
  if (permission && !can(user.role, permission)) redirect("/transactions?denied=1");
  return user;
}
