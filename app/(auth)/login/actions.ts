"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import type { ActionState } from "@/lib/actions/action-state";
import { LoginRateLimited, signIn } from "@/lib/auth";
import { tooManyAttemptsMessage } from "@/lib/auth/login-limits";

const loginSchema = z.object({
  email: z.email("Enter your email address."),
  password: z.string().min(1, "Enter your password."),
});

/** Only a path on this site: never an open redirect to another host. */
function safeNextPath(value: FormDataEntryValue | null): string {
  const path = typeof value === "string" ? value : "";
  return /^\/(?![/\\])[\w\-/?=&%.]*$/.test(path) ? path : "/transactions";
}

/** Public by nature: this is how a person gets a session. */
export async function signInAction(
  _previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const email = String(formData.get("email") ?? "");
  const parsed = loginSchema.safeParse({ email, password: formData.get("password") });
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors;
    return {
      status: "error",
      message: "Please fill in both fields.",
      fieldErrors,
      values: { email },
    };
  }
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeNextPath(formData.get("next")) });
  } catch (error) {
    if (error instanceof AuthError) {
      const limited =
        error instanceof CredentialsSignin && error.code === new LoginRateLimited().code;
      const message = limited
        ? tooManyAttemptsMessage
        : "Wrong email or password, or the account is disabled.";
      return { status: "error", message, values: { email } };
    }
    throw error; // the redirect that follows a successful sign-in
  }
  return { status: "idle" };
}
