import "server-only";
import { count, eq, sql } from "drizzle-orm";
import { getDb } from "../client";
import { users, type NewUser, type User } from "../schema";

export async function getUserById(id: string): Promise<User | null> {
  const [user] = await getDb().select().from(users).where(eq(users.id, id)).limit(1);
  return user ?? null;
}

/** Emails are unique case-insensitively. */
export async function getUserByEmail(email: string): Promise<User | null> {
  const [user] = await getDb()
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);
  return user ?? null;
}

export async function countUsers(): Promise<number> {
  const [row] = await getDb().select({ n: count() }).from(users);
  return row?.n ?? 0;
}

/**
 * Creates the first account, only while there is none. The lock makes two
 * simultaneous setups create one account, not two. Returns null if one exists.
 */
export async function createFirstUser(user: NewUser): Promise<User | null> {
  return getDb().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('purwantara:first-user'))`);
    const [existing] = await tx.select({ n: count() }).from(users);
    if ((existing?.n ?? 0) > 0) return null;
    const [created] = await tx.insert(users).values(user).returning();
    return created ?? null;
  });
}

/** A person's language and time zone, kept with their account. */
export async function updateUserPreferences(
  id: string,
  preferences: Partial<Pick<User, "locale" | "timeZone">>,
): Promise<void> {
  await getDb().update(users).set(preferences).where(eq(users.id, id));
}
