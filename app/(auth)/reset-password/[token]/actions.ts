"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import type { ActionState } from "@/lib/actions/action-state";
import { parseForm, toActionState } from "@/lib/actions/protected-action";
import { confirmationMatches, newPasswordSchema } from "@/lib/auth/password-rules";
import { resetPassword } from "@/lib/auth/password-reset";
import { requestIp } from "@/lib/http/request-ip";

const resetSchema = z
  .object({ password: newPasswordSchema, confirm: z.string() })
  .refine(...confirmationMatches);

/**
 * Public, like sign-in: the one-time token (bound on the page, from the emailed link)
 * is the person's proof. Every session ends; they sign in again with the new password.
 */
export async function resetPasswordAction(
  token: string,
  _previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const parsed = await parseForm(resetSchema, formData);
  if (!parsed.ok) return parsed.state;
  let result: Awaited<ReturnType<typeof resetPassword>>;
  try {
    result = await resetPassword(token, parsed.data.password, await requestIp());
  } catch (error) {
    // Busy password slots (lib/auth/password-slots.ts): try again in a moment.
    return toActionState(error);
  }
  if (!result.ok) {
    if (result.reason === "same_password") {
      const message = (await getTranslations("validation"))("passwordSameAsCurrent");
      return { status: "error", message, fieldErrors: { password: [message] } };
    }
    const t = await getTranslations("passwordReset");
    return { status: "error", message: t(`invalid.${result.reason}`) };
  }
  redirect("/login?reset=1");
}
