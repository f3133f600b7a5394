/** Languages and time zones the dashboard speaks; safe to import on the client. */
export const locales = ["id", "en"] as const;
export type Locale = (typeof locales)[number];
/** Bahasa Indonesia unless a person picks English. */
export const defaultLocale: Locale = "id";
/** Remembers the choice before sign-in (after it, the user's row wins). */
export const localeCookie = "NEXT_LOCALE";

/** The Intl locale behind each language: Indonesian, and English as Americans write dates. */
export const intlLocales = { id: "id-ID", en: "en-US" } as const satisfies Record<Locale, string>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}
