"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError, CredentialsSignin } from "next-auth";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import type { ActionState } from "@/lib/actions/action-state";
import { parseForm } from "@/lib/actions/protected-action";
import { AccountLocked, LoginRateLimited, SignInBusy, signIn, signOut } from "@/lib/auth";
import { clientIp, loginLimits } from "@/lib/auth/login-limits";
import { getPendingSignIn } from "@/lib/auth/session";
import { completeSecondStep } from "@/lib/auth/second-step";
import { safeNextPath } from "@/lib/auth/next-path";

const loginSchema = z.object({
  email: z.email("email"),
  password: z.string().min(1, "passwordRequired"),
  next: z.string().optional(),
});

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
    // Back to the sign-in page, which goes on to `next`, or asks for the two-factor code.
    const target = `/login?next=${encodeURIComponent(safeNextPath(next))}`;
    await signIn("credentials", { email, password, redirectTo: target });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = error instanceof CredentialsSignin ? error.code : null;
      return { status: "error", message: await signInErrorMessage(code), values: { email } };
    }
    throw error; // the redirect that follows a successful sign-in
  }
  return { status: "idle" };
}

/** What the form says for a refused sign-in, told apart by the error's code (lib/auth/index.ts). */
async function signInErrorMessage(code: string | null): Promise<string> {
  const t = await getTranslations("login");
  if (code === new LoginRateLimited().code) {
    return t("limited", { minutes: loginLimits.windowMinutes });
  }
  if (code === new AccountLocked().code) {
    return t("locked", { minutes: loginLimits.accountLockMinutes });
  }
  if (code === new SignInBusy().code) return t("busy");
  return t("wrong");
}

const codeSchema = z.object({
  code: z.string().trim().min(1, "codeRequired").max(32, "codeFormat"),
  next: z.string().optional(),
});

/** The second step: public, but only for the browser whose password just passed. */
export async function verifyTwoFactorAction(
  _previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const t = await getTranslations("twoFactor");
  const parsed = await parseForm(codeSchema, formData);
  if (!parsed.ok) return parsed.state;
  const pending = await getPendingSignIn();
  if (!pending) return { status: "error", message: t("stepExpired") };
  const ip = clientIp(await headers());
  const outcome = await completeSecondStep(pending, parsed.data.code, ip);
  if (outcome === "limited") return { status: "error", message: t("limited") };
  if (outcome === "ended") return { status: "error", message: t("stepEnded") };
  if (outcome === "locked") return { status: "error", message: t("locked") };
  if (outcome === "wrong") {
    return { status: "error", message: t("wrongCode"), fieldErrors: { code: [t("wrongCode")] } };
  }
  redirect(safeNextPath(parsed.data.next));
}

/** Leaves a half-finished sign-in (ends its pending session). */
export async function cancelSignInAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}
