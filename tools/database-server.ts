import pg from "pg";
import { startEmbeddedPostgres } from "./embedded-postgres";

/**
 * A PostgreSQL server to run against: the one DATABASE_URL points at, or an
 * embedded one started here. `urlFor(name)` addresses a database on it.
 */
export type DatabaseServer = {
  embedded: boolean;
  /** As the server's admin (a superuser, or the owner DATABASE_URL names). */
  urlFor: (database: string) => string;
  /** As another role, e.g. the app's runtime role (db/runtime-role.ts). */
  urlAs: (database: string, role: LoginRole) => string;
  /** Creates an ordinary login role (no superuser, no role or database creation) if missing. */
  ensureLoginRole: (role: LoginRole) => Promise<void>;
  ensureDatabase: (database: string) => Promise<void>;
  dropDatabase: (database: string) => Promise<void>;
  stop: () => Promise<void>;
};

export type LoginRole = { name: string; password: string };

/**
 * The runtime role of the dev and test servers: the app connects as it, the scripts
 * migrate as the admin. Local servers only (bound to 127.0.0.1), like the admin's
 * password in tools/embedded-postgres.ts; production names its own roles (README, Database roles).
 */
export const localRuntimeRoles = {
  dev: { name: "purwantara_app", password: "purwantara_app" },
  test: { name: "purwantara_test_app", password: "purwantara_test_app" },
} satisfies Record<string, LoginRole>;

export function databaseUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export function databaseUrlAs(serverUrl: string, database: string, role: LoginRole): string {
  const url = new URL(databaseUrlFor(serverUrl, database));
  url.username = encodeURIComponent(role.name);
  url.password = encodeURIComponent(role.password);
  return url.toString();
}

/** Creates the role unless it exists; parallel runs on one server race safely. */
async function createLoginRole(client: pg.Client, role: LoginRole): Promise<void> {
  const found = await client.query("select 1 from pg_roles where rolname = $1", [role.name]);
  if (found.rowCount) return;
  const name = client.escapeIdentifier(role.name);
  const password = client.escapeLiteral(role.password);
  try {
    await client.query(
      `create role ${name} login nosuperuser nocreatedb nocreaterole password ${password}`,
    );
  } catch (error) {
    // Another process made it between the check and the create.
    const code = (error as { code?: string }).code;
    if (code !== "42710" && code !== "23505") throw error;
  }
}

async function withAdminClient<T>(
  serverUrl: string,
  fn: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrlFor(serverUrl, "postgres") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function quoteIdent(name: string): string {
  if (!/^[a-z0-9_]+$/i.test(name)) throw new Error(`unsafe database name: ${name}`);
  return `"${name}"`;
}

export async function connectDatabaseServer(
  existingUrl: string | undefined,
  embedded: { dataDir: string; port: number },
): Promise<DatabaseServer> {
  const started = existingUrl ? null : await startEmbeddedPostgres(embedded);
  const serverUrl = existingUrl ?? started!.urlFor("postgres");
  return {
    embedded: Boolean(started),
    urlFor: (database) => databaseUrlFor(serverUrl, database),
    urlAs: (database, role) => databaseUrlAs(serverUrl, database, role),
    ensureLoginRole: (role) =>
      withAdminClient(serverUrl, (client) => createLoginRole(client, role)),
    ensureDatabase: (database) =>
      withAdminClient(serverUrl, async (client) => {
        const found = await client.query("select 1 from pg_database where datname = $1", [
          database,
        ]);
        if (found.rowCount === 0) await client.query(`create database ${quoteIdent(database)}`);
      }),
    dropDatabase: (database) =>
      withAdminClient(serverUrl, async (client) => {
        await client.query(`drop database if exists ${quoteIdent(database)} with (force)`);
      }),
    stop: async () => {
      await started?.stop();
    },
  };
}
