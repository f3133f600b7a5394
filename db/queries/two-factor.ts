import "server-only";
import { and, count, eq, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "../client";
import { recoveryCodes, userTwoFactor } from "../schema";

export type TwoFactorRow = typeof userTwoFactor.$inferSelect;

export async function getTwoFactor(userId: string): Promise<TwoFactorRow | null> {
  const [row] = await getDb()
    .select()
    .from(userTwoFactor)
    .where(eq(userTwoFactor.userId, userId))
    .limit(1);
  return row ?? null;
}

/** Starts (or restarts) a setup: a new sealed secret, not enabled yet. Never replaces an enabled one. */
export async function savePendingTwoFactor(userId: string, secretSealed: string): Promise<boolean> {
  const rows = await getDb()
    .insert(userTwoFactor)
    .values({ userId, secretSealed })
    .onConflictDoUpdate({
      target: userTwoFactor.userId,
      set: { secretSealed, lastTimeStep: null, createdAt: sql`now()` },
      setWhere: isNull(userTwoFactor.enabledAt),
    })
    .returning({ userId: userTwoFactor.userId });
  return rows.length > 0;
}

/**
 * Accepts a TOTP time step once: moves `last_time_step` forward only if this step is
 * newer, atomically, so the same code cannot be used twice (even in parallel).
 */
export async function claimTimeStep(
  db: DbOrTx,
  userId: string,
  timeStep: number,
): Promise<boolean> {
  const rows = await db
    .update(userTwoFactor)
    .set({ lastTimeStep: timeStep })
    .where(
      and(
        eq(userTwoFactor.userId, userId),
        or(isNull(userTwoFactor.lastTimeStep), lt(userTwoFactor.lastTimeStep, timeStep)),
      ),
    )
    .returning({ userId: userTwoFactor.userId });
  return rows.length > 0;
}

/** Turns two-factor on and replaces the recovery codes (digests). */
export async function enableTwoFactor(
  db: DbOrTx,
  userId: string,
  codeHashes: string[],
): Promise<boolean> {
  const rows = await db
    .update(userTwoFactor)
    .set({ enabledAt: sql`now()` })
    .where(and(eq(userTwoFactor.userId, userId), isNull(userTwoFactor.enabledAt)))
    .returning({ userId: userTwoFactor.userId });
  if (rows.length === 0) return false;
  await replaceRecoveryCodes(db, userId, codeHashes);
  return true;
}

export async function replaceRecoveryCodes(
  db: DbOrTx,
  userId: string,
  codeHashes: string[],
): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
}

export async function disableTwoFactor(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.delete(userTwoFactor).where(eq(userTwoFactor.userId, userId));
}

/** Uses a recovery code: true exactly once per code, even in parallel. */
export async function spendRecoveryCode(
  db: DbOrTx,
  userId: string,
  codeHash: string,
): Promise<boolean> {
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, codeHash),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return rows.length > 0;
}

export async function countUnusedRecoveryCodes(userId: string): Promise<number> {
  const [row] = await getDb()
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row?.n ?? 0;
}

/** Locks a person's second step; true only for the call that locked it (audited once). */
export async function lockTwoFactor(db: DbOrTx, userId: string): Promise<boolean> {
  const rows = await db
    .update(userTwoFactor)
    .set({ lockedAt: sql`now()` })
    .where(and(eq(userTwoFactor.userId, userId), isNull(userTwoFactor.lockedAt)))
    .returning({ userId: userTwoFactor.userId });
  return rows.length > 0;
}

/** Lifts the lock (a new password, or an admin's forced reset); true if it was locked. */
export async function unlockTwoFactor(db: DbOrTx, userId: string): Promise<boolean> {
  const rows = await db
    .update(userTwoFactor)
    .set({ lockedAt: null })
    .where(and(eq(userTwoFactor.userId, userId), isNotNull(userTwoFactor.lockedAt)))
    .returning({ userId: userTwoFactor.userId });
  return rows.length > 0;
}
