"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { protectedAction } from "@/lib/actions/protected-action";
import { locales } from "@/lib/i18n/config";
import { rememberLocale, rememberPreferences } from "@/lib/i18n/preferences";
import { timeZoneIds } from "@/lib/core/time";

const localeSchema = z.enum(locales, "invalidChoice");

/**
 * The one-click language switch, on every page including sign-in: public, since it
 * only sets this browser's cookie (and, for a signed-in person, their own account).
 */
export async function switchLocaleAction(formData: FormData): Promise<void> {
  const parsed = localeSchema.safeParse(formData.get("locale"));
  if (parsed.success) await rememberLocale(parsed.data);
}

export const updatePreferencesAction = protectedAction({
  permission: "profile:update",
  schema: z.object({ locale: localeSchema, timeZone: z.enum(timeZoneIds, "invalidChoice") }),
  run: async (preferences, user) => {
    await rememberPreferences(user.id, preferences);
    // Read the message in the language just chosen.
    const t = await getTranslations({ locale: preferences.locale, namespace: "profile" });
    revalidatePath("/", "layout");
    return { status: "success", message: t("saved"), data: { ...preferences } };
  },
});
