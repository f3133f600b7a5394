import "server-only";
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { users } from "../schema";

export async function updatePasswordHash(
  db: DbOrTx,
  userId: string,
  passwordHash: string,
  /** A new password chosen by its owner ends an admin's "must change password". */
  options: { chosenByOwner?: boolean } = {},
): Promise<void> {
  await db
    .update(users)
    .set({
      passwordHash,
      ...(options.chosenByOwner ? { mustChangePassword: false } : {}),
      updatedAt: sql`now()`,
    })
    .where(eq(users.id, userId));
}

export async function updateUserName(db: DbOrTx, userId: string, name: string): Promise<void> {
  await db.update(users).set({ name }).where(eq(users.id, userId));
}

export async function getPasswordHash(db: DbOrTx, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ hash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row?.hash ?? null;
}
