"use server";

import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import type { ActionState } from "@/lib/actions/action-state";
import { parseForm, submittedValues, toActionState } from "@/lib/actions/protected-action";
import { signIn } from "@/lib/auth";
import { confirmationMatches, newPasswordSchema } from "@/lib/auth/password-rules";
import { requestIp } from "@/lib/http/request-ip";
import { acceptInvitation, type AcceptResult } from "@/lib/team/invitations";

const acceptSchema = z
  .object({
    name: z.string().trim().min(1, "nameRequired").max(100, "tooLong"),
    password: newPasswordSchema,
    confirm: z.string(),
  })
  .refine(...confirmationMatches);

/**
 * Public, like sign-in: the one-time token (bound on the page, from the link) is the
 * invitee's proof. The account is made once; then the invitee is signed in.
 */
export async function acceptInvitationAction(
  token: string,
  _previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const parsed = await parseForm(acceptSchema, formData);
  if (!parsed.ok) return parsed.state;
  const locale = (await getLocale()) === "en" ? "en" : "id";
  let result: AcceptResult;
  try {
    result = await acceptInvitation(
      token,
      { name: parsed.data.name, password: parsed.data.password, locale },
      await requestIp(),
    );
  } catch (error) {
    // Busy password slots (lib/auth/password-slots.ts): try again in a moment.
    return toActionState(error, submittedValues(formData));
  }
  if (!result.ok) {
    const t = await getTranslations("invite");
    return {
      status: "error",
      message: t(`invalid.${result.reason}`),
      values: submittedValues(formData),
    };
  }
  // Outside any try/catch: signIn redirects by throwing.
  await signIn("credentials", {
    email: result.user.email,
    password: parsed.data.password,
    redirectTo: "/transactions",
  });
  return { status: "idle" };
}
