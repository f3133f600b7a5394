"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import type { ActionState } from "@/lib/actions/action-state";
import { parseForm } from "@/lib/actions/protected-action";
import { LoginRateLimited, signIn } from "@/lib/auth";
import { loginLimits } from "@/lib/auth/login-limits";

const loginSchema = z.object({
  email: z.email("email"),
  password: z.string().min(1, "passwordRequired"),
  next: z.string().optional(),
});

/** Only a path on this site: never an open redirect to another host. */
function safeNextPath(value: string | undefined): string {
  const path = value ?? "";
  return /^\/(?![/\\])[\w\-/?=&%.]*$/.test(path) ? path : "/overview";
}

/** Public by nature: this is how a person gets a session. */
export async function signInAction(
  _previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const t = await getTranslations("login");
  const parsed = await parseForm(loginSchema, formData);
  if (!parsed.ok) return { ...parsed.state, message: t("fillBoth") };
  const { email, password, next } = parsed.data;
  try {
    await signIn("credentials", { email, password, redirectTo: safeNextPath(next) });
  } catch (error) {
    if (error instanceof AuthError) {
      const limited =
        error instanceof CredentialsSignin && error.code === new LoginRateLimited().code;
      const message = limited ? t("limited", { minutes: loginLimits.windowMinutes }) : t("wrong");
      return { status: "error", message, values: { email } };
    }
    throw error; // the redirect that follows a successful sign-in
  }
  return { status: "idle" };
}
