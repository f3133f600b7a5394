import type pg from "pg";

/**
 * The app runs as a role of its own that owns nothing: the migrations run as the
 * owner (DATABASE_MIGRATE_URL), and the runtime role (DATABASE_URL's user) gets only
 * the rows' privileges. Only an owner (or a superuser) can ALTER a table, so the
 * runtime can neither disable the audit log's append-only trigger nor drop it.
 */

/** Tables the runtime may read and add to, never change or empty: their rows are evidence. */
export const appendOnlyTables = ["audit_log"] as const;

/** Schemas the runtime owns: pg-boss creates and migrates `pgboss` itself (lib/jobs/queue.ts). */
export const runtimeSchemas = ["pgboss"] as const;

export type RuntimeGrant =
  | { kind: "granted"; role: string }
  /** The migrations ran as the runtime role itself: nothing separates them. */
  | { kind: "same_role"; role: string };

/**
 * Grants `role` what the app needs on the current database, after the migrations and
 * at every run (idempotent, and tables added since are covered): connect, create a
 * schema (pg-boss makes and migrates its own `pgboss` schema), read and write every
 * table and sequence of `public`, read drizzle's record of applied migrations, except the append-only tables, which it may only
 * read and insert into. Then checks the outcome (a GRANT by a non-owner only warns)
 * and throws, saying what to fix, if the role could still alter or delete the audit log.
 */
export async function grantRuntimeRole(client: pg.ClientBase, role: string): Promise<RuntimeGrant> {
  const { rows } = await client.query<{ me: string; found: boolean; database: string }>(
    `select current_user as me, current_database() as database,
            exists (select 1 from pg_roles where rolname = $1) as found`,
    [role],
  );
  const { me, found, database } = rows[0]!;
  if (role === me) return { kind: "same_role", role };
  if (!found) {
    throw new Error(
      `the runtime role "${role}" does not exist: create it (CREATE ROLE "${role}" LOGIN PASSWORD '…') or set DATABASE_RUNTIME_ROLE`,
    );
  }
  const to = client.escapeIdentifier(role);
  await client.query(
    `grant connect, temporary, create on database ${client.escapeIdentifier(database)} to ${to}`,
  );
  await client.query(`grant usage on schema public to ${to}`);
  await client.query(
    `grant select, insert, update, delete on all tables in schema public to ${to}`,
  );
  await client.query(`grant usage, select on all sequences in schema public to ${to}`);
  // /api/ready compares the build's migrations with those applied (lib/ops/readiness.ts).
  await client.query(`grant usage on schema drizzle to ${to}`);
  await client.query(`grant select on drizzle.__drizzle_migrations to ${to}`);
  for (const table of appendOnlyTables) {
    const name = client.escapeIdentifier(table);
    await client.query(`revoke all on table ${name} from ${to}`);
    await client.query(`grant select, insert on table ${name} to ${to}`);
  }
  for (const schema of runtimeSchemas) await handOverSchema(client, schema, role);
  await checkRuntimeRole(client, role);
  return { kind: "granted", role };
}

/** Throws unless `role` is an ordinary role that can only read and add to the append-only tables. */
export async function checkRuntimeRole(client: pg.ClientBase, role: string): Promise<void> {
  const { rows } = await client.query<{ superuser: boolean }>(
    "select rolsuper as superuser from pg_roles where rolname = $1",
    [role],
  );
  if (rows[0]?.superuser) {
    throw new Error(
      `the runtime role "${role}" is a superuser, which bypasses every grant: give the app an ordinary login role`,
    );
  }
  for (const table of appendOnlyTables) {
    const check = await client.query<{
      owner: string;
      owns: boolean;
      writes: boolean;
      adds: boolean;
    }>(
      `select t.tableowner as owner,
              pg_has_role($1, t.tableowner, 'USAGE') as owns,
              has_table_privilege($1, t.tablename, 'UPDATE, DELETE, TRUNCATE, TRIGGER, REFERENCES') as writes,
              has_table_privilege($1, t.tablename, 'SELECT') and has_table_privilege($1, t.tablename, 'INSERT') as adds
         from pg_tables t where t.schemaname = 'public' and t.tablename = $2`,
      [role, table],
    );
    const row = check.rows[0];
    if (!row) continue; // not migrated yet
    if (row.owns) {
      throw new Error(
        `the runtime role "${role}" owns ${table} (through "${row.owner}"), so it could alter it: as a superuser, run once REASSIGN OWNED BY "${row.owner}" TO <the migration owner>, and migrate as that owner (DATABASE_MIGRATE_URL)`,
      );
    }
    if (row.writes || !row.adds) {
      throw new Error(
        `the runtime role "${role}" must only read and insert into ${table}: the migration owner could not set its grants (does it own the tables?)`,
      );
    }
  }
}

/**
 * Gives `role` a schema made by someone else, with everything in it: a database whose
 * app ran as the owner before (or as the dev superuser) has pg-boss's schema under the
 * wrong role, and pg-boss alters its tables as it goes (partitions per queue).
 */
async function handOverSchema(client: pg.ClientBase, schema: string, role: string) {
  const { rows } = await client.query<{ statement: string }>(
    `select format('alter schema %I owner to %I', n.nspname, $2::text) as statement
       from pg_namespace n where n.nspname = $1 and pg_get_userbyid(n.nspowner) <> $2
     union all
     select format('alter %s %I.%I owner to %I',
                   case c.relkind when 'S' then 'sequence' when 'v' then 'view' else 'table' end,
                   n.nspname, c.relname, $2::text)
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $1 and c.relkind in ('r', 'p', 'S', 'v')
        and pg_get_userbyid(c.relowner) <> $2
        -- a sequence that belongs to a column follows its table
        and not (c.relkind = 'S' and exists (select 1 from pg_depend d
                   where d.classid = 'pg_class'::regclass and d.objid = c.oid
                     and d.deptype in ('a', 'i')))
     union all
     select format('alter function %s owner to %I', p.oid::regprocedure, $2::text)
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = $1 and pg_get_userbyid(p.proowner) <> $2
     union all
     select format('alter type %I.%I owner to %I', n.nspname, t.typname, $2::text)
       from pg_type t join pg_namespace n on n.oid = t.typnamespace
      where n.nspname = $1 and t.typtype in ('e', 'd') and pg_get_userbyid(t.typowner) <> $2`,
    [schema, role],
  );
  for (const { statement } of rows) await client.query(statement);
}
