import type pg from "pg";

/**
 * Runs `fill` with the secondary indexes of `tables` dropped, then builds them again from
 * their own definitions (pg_indexes), all in one transaction: a failure leaves the
 * tables and their indexes as they were. Building an index over a million rows at once
 * is many times cheaper than keeping it up to date row by row (the trigram indexes
 * above all), so a large seed into an empty table takes minutes, not tens of minutes.
 * Unique and constraint indexes stay: they keep guarding the rows being written.
 */
export async function withIndexesDeferred<T>(
  client: pg.ClientBase,
  tables: readonly string[],
  fill: () => Promise<T>,
): Promise<T> {
  await client.query("begin");
  try {
    const { rows: indexes } = await client.query<{ name: string; definition: string }>(
      `select i.indexname as name, i.indexdef as definition
         from pg_indexes i
        where i.schemaname = current_schema() and i.tablename = any($1::text[])
          and i.indexdef not like 'CREATE UNIQUE%'
          and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
      [tables],
    );
    for (const index of indexes) {
      await client.query(`drop index ${client.escapeIdentifier(index.name)}`);
    }
    const result = await fill();
    await client.query("set local maintenance_work_mem = '256MB'");
    for (const index of indexes) await client.query(index.definition);
    await client.query("commit");
    return result;
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  }
}
