import "server-only";
import { and, count, eq, gt, lt, sql } from "drizzle-orm";
import { getDb } from "../client";
import { loginAttempts } from "../schema";

/** Failed attempts since `since` for this email and, separately, this IP. */
export async function countRecentFailures(
  email: string,
  ip: string | null,
  since: Date,
): Promise<{ byEmail: number; byIp: number }> {
  const db = getDb();
  const recentFailure = (match: ReturnType<typeof eq>) =>
    db
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(match, eq(loginAttempts.succeeded, false), gt(loginAttempts.attemptedAt, since)));
  const [byEmail] = await recentFailure(eq(loginAttempts.email, email.toLowerCase()));
  const [byIp] = ip ? await recentFailure(eq(loginAttempts.ip, ip)) : [{ n: 0 }];
  return { byEmail: byEmail?.n ?? 0, byIp: byIp?.n ?? 0 };
}

/** Records an attempt; a success wipes the email's failures, and day-old rows go. */
export async function recordLoginAttempt(
  email: string,
  ip: string | null,
  succeeded: boolean,
): Promise<void> {
  const key = email.toLowerCase();
  await getDb().transaction(async (tx) => {
    if (succeeded) await tx.delete(loginAttempts).where(eq(loginAttempts.email, key));
    else await tx.insert(loginAttempts).values({ email: key, ip, succeeded });
    await tx
      .delete(loginAttempts)
      .where(lt(loginAttempts.attemptedAt, sql`now() - interval '1 day'`));
  });
}
