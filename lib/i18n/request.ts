import "server-only";
import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { defaultTimeZone } from "@/lib/core/time";
import { defaultLocale, isLocale, localeCookie, type Locale } from "./config";
import { messagesFor } from "./messages";

/**
 * The language and time zone of this request: the signed-in person's own choice,
 * else the language cookie set before sign-in, else Bahasa Indonesia and WIB.
 * No locale in the URL: a shared link opens in the reader's language.
 */
export async function resolveRequestPreferences() {
  const user = await getCurrentUser();
  const cookie = (await cookies()).get(localeCookie)?.value;
  const locale: Locale = user?.locale ?? (isLocale(cookie) ? cookie : defaultLocale);
  return { locale, timeZone: user?.timeZone ?? defaultTimeZone };
}

export default getRequestConfig(async () => {
  const { locale, timeZone } = await resolveRequestPreferences();
  return { locale, timeZone, messages: messagesFor(locale) };
});
