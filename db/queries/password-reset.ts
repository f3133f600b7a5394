import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { passwordResetTokens, users, type PasswordResetToken, type User } from "../schema";

export async function insertResetToken(
  tx: DbOrTx,
  values: Pick<PasswordResetToken, "userId" | "tokenHash" | "expiresAt" | "requestedIp">,
): Promise<PasswordResetToken> {
  const [row] = await tx.insert(passwordResetTokens).values(values).returning();
  return row!;
}

export type ResetTokenWithState = PasswordResetToken & { expired: boolean };

/** The token behind a hash (locked when `lock`), with whether it has expired by the database's clock. */
export async function getResetTokenByHash(
  db: DbOrTx,
  tokenHash: string,
  options: { lock?: boolean } = {},
): Promise<ResetTokenWithState | null> {
  const query = db
    .select({
      token: passwordResetTokens,
      expired: sql<boolean>`${passwordResetTokens.expiresAt} <= now()`,
    })
    .from(passwordResetTokens)
    .where(eq(passwordResetTokens.tokenHash, tokenHash))
    .limit(1);
  const [row] = options.lock ? await query.for("update") : await query;
  return row ? { ...row.token, expired: row.expired } : null;
}

/** Every unused link of a person is spent at once: one reset ends them all. */
export async function spendResetTokens(tx: DbOrTx, userId: string): Promise<void> {
  await tx
    .update(passwordResetTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)));
}

export async function lockUserById(tx: DbOrTx, id: string): Promise<User | null> {
  const [row] = await tx.select().from(users).where(eq(users.id, id)).for("update");
  return row ?? null;
}
