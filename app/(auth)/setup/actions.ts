"use server";

import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { createFirstUser } from "@/db/queries/users";
import type { ActionState } from "@/lib/actions/action-state";
import { parseForm, shown, submittedValues } from "@/lib/actions/protected-action";
import { signIn } from "@/lib/auth";
import { hashPassword } from "@/lib/auth/password";
import { confirmationMatches, newPasswordSchema } from "@/lib/auth/password-rules";
import { PasswordChecksBusy } from "@/lib/auth/password-slots";

const setupSchema = z
  .object({
    name: z.string().trim().min(1, "nameRequired").max(100, "tooLong"),
    email: z.email("email").max(254, "tooLong"),
    password: newPasswordSchema,
    confirm: z.string(),
  })
  .refine(...confirmationMatches);

/**
 * Creates the first admin. Open to anyone, but only while no account exists: the
 * insert itself re-checks that under a lock, so it cannot be used to add a second one.
 */
export async function createFirstAdminAction(
  _previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const parsed = await parseForm(setupSchema, formData);
  if (!parsed.ok) return parsed.state;
  const { name, email, password } = parsed.data;
  const passwordHash = await hashPassword(password).catch((error: unknown) => {
    if (error instanceof PasswordChecksBusy) return error;
    throw error;
  });
  if (passwordHash instanceof PasswordChecksBusy) {
    return {
      status: "error",
      message: await shown(passwordHash),
      values: submittedValues(formData),
    };
  }
  const user = await createFirstUser({
    name,
    email,
    role: "admin",
    // The language the first admin set up in becomes theirs.
    locale: await getLocale(),
    passwordHash,
  });
  if (!user) {
    const t = await getTranslations("setup");
    return { status: "error", message: t("exists"), values: submittedValues(formData) };
  }
  await signIn("credentials", { email, password, redirectTo: "/overview" });
  return { status: "idle" };
}
