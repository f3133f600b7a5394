import "server-only";
import { sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "../client";

/**
 * Counts one attempt under `key` in a window of `windowMinutes`, atomically: a single
 * upsert takes the row lock, so N parallel attempts see counts 1..N, never the same
 * number twice. Returns the count including this attempt, and when the key last
 * succeeded (a pair's "known address" mark).
 */
export async function countAttempt(
  key: string,
  windowMinutes: number,
): Promise<{ count: number; lastSuccessAt: Date | null }> {
  const result = await getDb().execute<{
    count: number;
    last_success_at: string | Date | null;
  }>(sql`
    insert into login_counters as c (key, count, window_started_at)
    values (${key}, 1, now())
    on conflict (key) do update set
      count = case when c.window_started_at < now() - make_interval(mins => ${windowMinutes})
                   then 1 else c.count + 1 end,
      window_started_at = case when c.window_started_at < now() - make_interval(mins => ${windowMinutes})
                   then now() else c.window_started_at end
    returning c.count, c.last_success_at
  `);
  const row = result.rows[0];
  return {
    count: Number(row?.count ?? 0),
    lastSuccessAt: row?.last_success_at ? new Date(row.last_success_at) : null,
  };
}

/** A success: the keys' counts start again, and a pair is marked as known. */
export async function recordSuccess(keys: { reset: string[]; known: string[] }): Promise<void> {
  const db = getDb();
  if (keys.reset.length > 0) {
    await db.execute(sql`update login_counters set count = 0, window_started_at = now()
      where key in (${sql.join(
        keys.reset.map((k) => sql`${k}`),
        sql`, `,
      )})`);
  }
  for (const key of keys.known) {
    await db.execute(sql`
      insert into login_counters (key, count, window_started_at, last_success_at)
      values (${key}, 0, now(), now())
      on conflict (key) do update set count = 0, window_started_at = now(), last_success_at = now()`);
  }
}

/** Gives back one attempt (an address's count is for failures, not sign-ins). */
export async function uncountAttempt(key: string): Promise<void> {
  await getDb().execute(
    sql`update login_counters set count = greatest(count - 1, 0) where key = ${key}`,
  );
}

/** Forgets counters (an admin lifting an account's lock). */
export async function deleteLoginCounters(tx: DbOrTx, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await tx.execute(
    sql`delete from login_counters where key in (${sql.join(
      keys.map((k) => sql`${k}`),
      sql`, `,
    )})`,
  );
}

/** Counters idle for a day are forgotten; known-address marks last 30 days. */
export async function pruneLoginCounters(): Promise<void> {
  await getDb().execute(sql`
    delete from login_counters
     where window_started_at < now() - interval '1 day'
       and (last_success_at is null or last_success_at < now() - interval '30 days')`);
}
