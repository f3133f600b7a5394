import "server-only";
import { sql } from "drizzle-orm";
import journal from "@/drizzle/meta/_journal.json";
import type { DbOrTx } from "../client";

/** One round trip: the server answers. */
export async function pingDatabase(db: DbOrTx): Promise<void> {
  await db.execute(sql`select 1`);
}

export type MigrationStatus = {
  /** Migrations this build ships (drizzle/meta/_journal.json). */
  shipped: number;
  /** Shipped migrations the database has not run yet. */
  pending: number;
};

/**
 * Compares the build's migration journal with drizzle's own bookkeeping table the way
 * its migrator does: a migration runs when its journal time is later than the newest
 * `created_at` recorded, so those are the pending ones. A database migrated by a newer
 * build (a rolling deploy) has none pending.
 */
export async function migrationStatus(db: DbOrTx): Promise<MigrationStatus> {
  const result = await db.execute<{ last: string | null }>(
    sql`select max(created_at)::text as last from drizzle.__drizzle_migrations`,
  );
  const last = Number(result.rows[0]?.last ?? 0);
  const pending = journal.entries.filter((entry) => entry.when > last).length;
  return { shipped: journal.entries.length, pending };
}
