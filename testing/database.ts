import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { closeDb } from "@/db/client";
import { databaseUrlAs, databaseUrlFor } from "@/tools/database-server";

/**
 * Gives the calling test file a database of its own, copied from the migrated
 * template, and points the app's pool (DATABASE_URL) at it as the runtime role, as in
 * production. `url()` is the admin's, for fixtures and checks. Dropped afterwards.
 */
export function withTestDatabase(): { url: () => string; runtimeUrl: () => string } {
  const serverUrl = inject("dbServerUrl");
  const role = inject("dbRuntimeRole");
  const name = `purwantara_t_${process.pid}_${randomBytes(4).toString("hex")}`;
  const url = databaseUrlFor(serverUrl, name);
  const runtimeUrl = databaseUrlAs(serverUrl, name, role);
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  beforeAll(async () => {
    await admin(`create database "${name}" template "${inject("dbTemplate")}"`);
    // Database-level grants live outside the template (pg-boss creates its schema).
    await admin(`grant connect, temporary, create on database "${name}" to "${role.name}"`);
    process.env.DATABASE_URL = runtimeUrl;
    process.env.AUTH_SECRET ??= randomBytes(32).toString("hex");
  });
  afterAll(async () => {
    await closeDb();
    await admin(`drop database if exists "${name}" with (force)`);
  });
  return { url: () => url, runtimeUrl: () => runtimeUrl };
}

/** A pool of the test's own for assertions that read the database directly. */
export async function queryTestDb<T extends pg.QueryResultRow>(
  url: string,
  sql: string,
  params: unknown[] = [],
) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
