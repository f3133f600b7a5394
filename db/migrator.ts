import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type pg from "pg";

/**
 * Applies drizzle's generated migrations (`drizzle/`) the way drizzle's own migrator
 * does (same `drizzle.__drizzle_migrations` table, same rule: a migration newer than the
 * last one recorded is applied), with two differences that keep the shop open on a big
 * `transactions` table:
 *
 * - A migration with a `CONCURRENTLY` statement (`CREATE INDEX CONCURRENTLY`, `DROP INDEX
 *   CONCURRENTLY`) runs statement by statement outside a transaction, which PostgreSQL
 *   requires and which lets writes go on while the index builds. Its statements must be
 *   safe to run again (IF [NOT] EXISTS): a failure half-way leaves it unrecorded, and an
 *   index a failed concurrent build left INVALID is dropped before it is built again.
 * - Every other migration runs in a transaction of its own (drizzle runs all pending
 *   ones in one), so a lock one takes is held for that migration only.
 *
 * An advisory lock makes a second migrator (another replica starting) wait its turn.
 */
export type Migration = { tag: string; statements: string[]; hash: string; folderMillis: number };

const lockKey = 7_305_020; // any constant: "purwantara migrations"

export function readMigrations(migrationsFolder: string): Migration[] {
  const journal = JSON.parse(
    readFileSync(join(migrationsFolder, "meta", "_journal.json"), "utf8"),
  ) as { entries: { tag: string }[] };
  return readMigrationFiles({ migrationsFolder }).map((m, i) => ({
    tag: journal.entries[i]!.tag,
    statements: m.sql.filter((s) => s.trim() !== ""),
    hash: m.hash,
    folderMillis: m.folderMillis,
  }));
}

export function isOnline(migration: Migration): boolean {
  return migration.statements.some((s) => /\bconcurrently\b/i.test(withoutComments(s)));
}

function withoutComments(statement: string): string {
  return statement.replace(/--[^\n]*/g, "");
}

const concurrentIndex =
  /create\s+(?:unique\s+)?index\s+concurrently\s+(?:if\s+not\s+exists\s+)?"?([a-z0-9_]+)"?/i;

/** Drops the index a statement builds if a failed concurrent build left it invalid. */
async function dropInvalidLeftover(client: pg.ClientBase, statement: string): Promise<void> {
  const name = concurrentIndex.exec(withoutComments(statement))?.[1];
  if (!name) return;
  const { rows } = await client.query<{ invalid: boolean }>(
    `select not i.indisvalid as invalid from pg_index i
       join pg_class c on c.oid = i.indexrelid
       join pg_namespace n on n.oid = c.relnamespace
      where c.relname = $1 and n.nspname = current_schema()`,
    [name],
  );
  if (rows[0]?.invalid) {
    await client.query(`drop index concurrently if exists ${client.escapeIdentifier(name)}`);
  }
}

async function record(client: pg.ClientBase, m: Migration): Promise<void> {
  await client.query(
    `insert into drizzle.__drizzle_migrations ("hash", "created_at") values ($1, $2)`,
    [m.hash, m.folderMillis],
  );
}

async function apply(client: pg.ClientBase, m: Migration): Promise<void> {
  if (isOnline(m)) {
    for (const statement of m.statements) {
      await dropInvalidLeftover(client, statement);
      await client.query(statement);
    }
    await record(client, m);
    return;
  }
  await client.query("begin");
  try {
    for (const statement of m.statements) await client.query(statement);
    await record(client, m);
    await client.query("commit");
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  }
}

/**
 * Waits for the migrations' advisory lock by trying it now and then, never by blocking in
 * pg_advisory_lock: a waiting statement holds a snapshot, which a concurrent index build
 * of the migrator that holds the lock would wait for in turn.
 */
async function takeLock(client: pg.ClientBase): Promise<void> {
  for (;;) {
    const { rows } = await client.query<{ ok: boolean }>("select pg_try_advisory_lock($1) as ok", [
      lockKey,
    ]);
    if (rows[0]?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * Applies the pending migrations of `migrations` in order (up to and including `until`,
 * a tag, when given) on `client`; returns the tags it applied.
 */
export async function applyMigrations(
  client: pg.ClientBase,
  migrations: Migration[],
  options: { until?: string; onApplied?: (tag: string, ms: number) => void } = {},
): Promise<string[]> {
  await takeLock(client);
  try {
    await client.query("create schema if not exists drizzle");
    await client.query(`create table if not exists drizzle.__drizzle_migrations (
      id serial primary key, hash text not null, created_at bigint)`);
    const { rows } = await client.query<{ created_at: string }>(
      "select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1",
    );
    const last = rows[0] ? Number(rows[0].created_at) : null;
    const applied: string[] = [];
    for (const m of migrations) {
      if (last === null || last < m.folderMillis) {
        const started = performance.now();
        await apply(client, m);
        applied.push(m.tag);
        options.onApplied?.(m.tag, performance.now() - started);
      }
      if (m.tag === options.until) break;
    }
    return applied;
  } finally {
    await client.query("select pg_advisory_unlock($1)", [lockKey]);
  }
}
