"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import type { ActionState } from "@/lib/actions/action-state";
import { protectedAction } from "@/lib/actions/protected-action";
import { requestIp } from "@/lib/http/request-ip";
import { sendTestEmail } from "@/lib/mail/outbox-admin";
import { smtpSettingsSchema, testEmailSchema } from "@/lib/mail/smtp-schema";
import { clearSmtpSettings, saveSmtpSettings } from "@/lib/mail/smtp-settings";

type Bound = (previous: ActionState, formData: FormData) => Promise<ActionState>;

export const saveSmtpAction: Bound = protectedAction({
  permission: "settings:manage",
  schema: smtpSettingsSchema,
  run: async (input, user) => {
    const t = await getTranslations("emailSettings");
    const changed = await saveSmtpSettings(input, { id: user.id, ip: await requestIp() });
    revalidatePath("/settings/email");
    return { status: "success", message: changed.length ? t("saved") : t("unchanged") };
  },
});

export const clearSmtpAction: Bound = protectedAction({
  permission: "settings:manage",
  schema: z.object({}),
  run: async (_input, user) => {
    const t = await getTranslations("emailSettings");
    await clearSmtpSettings({ id: user.id, ip: await requestIp() });
    revalidatePath("/settings/email");
    return { status: "success", message: t("cleared") };
  },
});

/** One immediate try (not through the queue), answered in the admin's words. */
export const sendTestEmailAction: Bound = protectedAction({
  permission: "settings:manage",
  schema: testEmailSchema,
  run: async ({ to }, user) => {
    const t = await getTranslations("emailSettings.test");
    const verdict = await sendTestEmail(
      { to, locale: user.locale },
      { id: user.id, name: user.name, ip: await requestIp() },
    );
    revalidatePath("/outbox");
    switch (verdict.kind) {
      case "delivered":
        return { status: "success", message: t("delivered", { to }) };
      case "refused":
        return { status: "error", message: t("refused", { answer: verdict.answer }) };
      case "unreachable":
        return { status: "error", message: t("unreachable", { reason: verdict.reason }) };
      case "notConfigured":
        return { status: "error", message: t("notConfigured") };
    }
  },
});
