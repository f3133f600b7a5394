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
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await getUserById(id);
  if (!user || user.disabledAt) return null;
  const { email, name, role, locale, timeZone } = user;
  return { id, email, name, role, locale, timeZone };
});

/** For pages: the user, or a redirect to /login (or to / when the role falls short). */
export async function requirePageUser(permission?: Permission): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (permission && !can(user.role, permission)) redirect("/overview?denied=1");
  return user;
}
