import pg from "pg";
import { startEmbeddedPostgres } from "./embedded";

/**
 * A PostgreSQL server to run against: the one DATABASE_URL points at, or an
 * embedded one started here. `urlFor(name)` addresses a database on it.
 */
export type DatabaseServer = {
  embedded: boolean;
  urlFor: (database: string) => string;
  ensureDatabase: (database: string) => Promise<void>;
  dropDatabase: (database: string) => Promise<void>;
  stop: () => Promise<void>;
};

export function databaseUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
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
