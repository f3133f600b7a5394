"use server";

import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import type { ActionState } from "@/lib/actions/action-state";
import { parseForm } from "@/lib/actions/protected-action";
import { clientIp } from "@/lib/auth/login-limits";
import { passwordResetRules, requestPasswordReset } from "@/lib/auth/password-reset";
import { appOrigin } from "@/lib/http/app-origin";

const requestSchema = z.object({ email: z.email("email").max(254, "tooLong") });

/**
 * Public by nature. The answer is the same whether or not the address has an account,
 * is disabled or has asked too often: only the mailbox's owner learns which.
 */
export async function requestPasswordResetAction(
  _previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const parsed = await parseForm(requestSchema, formData);
  if (!parsed.ok) return parsed.state;
  const { email } = parsed.data;
  await requestPasswordReset({ email, ip: clientIp(await headers()), origin: appOrigin() });
  const t = await getTranslations("passwordReset");
  return {
    status: "success",
    message: t("sent", { email, minutes: passwordResetRules.lifetimeMinutes }),
  };
}
