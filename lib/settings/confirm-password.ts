import "server-only";
import { getUserById } from "@/db/queries/users";
import { loginNotChecked, loginSucceeded, reserveLoginAttempt } from "@/lib/auth/login-limits";
import { verifyPassword } from "@/lib/auth/password";
import { PasswordChecksBusy } from "@/lib/auth/password-slots";

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
  const ok = await verifyPassword(password, user.passwordHash).catch(async (error: unknown) => {
    // Every check slot taken: the attempt is given back, and the caller says "busy".
    if (error instanceof PasswordChecksBusy) await loginNotChecked(user.email, ip, verdict);
    throw error;
  });
  if (!ok) return "wrong";
  await loginSucceeded(user.email, ip, verdict);
  return "confirmed";
}
