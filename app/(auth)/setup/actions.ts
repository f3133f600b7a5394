"use server";

import { z } from "zod";
import { createFirstUser } from "@/db/queries/users";
import type { ActionState } from "@/lib/actions/action-state";
import { signIn } from "@/lib/auth";
import { hashPassword, passwordRules } from "@/lib/auth/password";

const setupSchema = z
  .object({
    name: z.string().trim().min(1, "Enter your name.").max(100),
    email: z.email("Enter a valid email address.").max(254),
    password: z
      .string()
      .min(passwordRules.min, `Use at least ${passwordRules.min} characters.`)
      .max(passwordRules.max, `Use at most ${passwordRules.max} characters.`),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, {
    path: ["confirm"],
    message: "The passwords do not match.",
  });

/**
 * Creates the first admin. Open to anyone, but only while no account exists: the
 * insert itself re-checks that under a lock, so it cannot be used to add a second one.
 */
export async function createFirstAdminAction(
  _previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const values = {
    name: String(formData.get("name") ?? ""),
    email: String(formData.get("email") ?? ""),
  };
  const parsed = setupSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors;
    return {
      status: "error",
      message: "Please correct the highlighted fields.",
      fieldErrors,
      values,
    };
  }
  const { name, email, password } = parsed.data;
  const user = await createFirstUser({
    name,
    email,
    role: "admin",
    passwordHash: await hashPassword(password),
  });
  if (!user)
    return { status: "error", message: "An account already exists. Sign in instead.", values };
  await signIn("credentials", { email, password, redirectTo: "/transactions" });
  return { status: "idle" };
}
