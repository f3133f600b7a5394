import "server-only";
import { cookies } from "next/headers";
import { updateUserPreferences } from "@/db/queries/users";
import { getCurrentUser } from "@/lib/auth/session";
import type { TimeZone } from "@/lib/core/time";
import { localeCookie, type Locale } from "./config";

/**
 * Keeps a language choice: on the account when someone is signed in (so it follows
 * them to every device), and in a cookie for the sign-in pages of this browser.
 */
export async function rememberLocale(locale: Locale): Promise<void> {
  (await cookies()).set(localeCookie, locale, {
    path: "/",
    sameSite: "lax",
    httpOnly: true,
    maxAge: 365 * 24 * 60 * 60,
  });
  const user = await getCurrentUser();
  if (user && user.locale !== locale) await updateUserPreferences(user.id, { locale });
}

export async function rememberPreferences(
  userId: string,
  preferences: { locale: Locale; timeZone: TimeZone },
): Promise<void> {
  await updateUserPreferences(userId, preferences);
  await rememberLocale(preferences.locale);
}
