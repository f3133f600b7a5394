import "server-only";
import { getUserById } from "@/db/queries/users";
import { loginSucceeded, reserveLoginAttempt } from "@/lib/auth/login-limits";
import { verifyPassword } from "@/lib/auth/password";

export type PasswordCheck = "confirmed" | "wrong" | "limited";

/**
 * A sensitive settings change confirmed with the person's own password, counted like a
 * sign-in (lib/auth/login-limits.ts), so a borrowed session can neither make the change
 * nor guess the password through it.
 */
export async function confirmPassword(
  userId: string,
  password: string,
  ip: string | null,
): Promise<PasswordCheck> {
  const user = await getUserById(userId);
  if (!user) return "wrong";
  const verdict = await reserveLoginAttempt(user.email, ip);
  if (!verdict.allowed) return "limited";
  if (!(await verifyPassword(password, user.passwordHash))) return "wrong";
  await loginSucceeded(user.email, ip);
  return "confirmed";
}
