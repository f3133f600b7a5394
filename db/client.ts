import "server-only";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import { getEnv } from "@/lib/env";
import * as schema from "./schema";

export type Db = NodePgDatabase<typeof schema>;
/** A database handle or an open transaction: query functions accept either. */
export type DbOrTx = Db | Parameters<Parameters<Db["transaction"]>[0]>[0];

type Cache = { pool?: pg.Pool; db?: Db };
// Cached on globalThis so hot reload in development does not leak connections.
const cache = globalThis as typeof globalThis & { __purwantaraDb?: Cache };

/** The one pg pool of the app process. */
export function getDb(): Db {
  const entry = (cache.__purwantaraDb ??= {});
  if (!entry.db) {
    entry.pool = new pg.Pool({
      connectionString: getEnv().databaseUrl,
      max: 10,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
    });
    entry.pool.on("error", (error) => console.error("pg pool error:", error.message));
    entry.db = drizzle(entry.pool, { schema });
  }
  return entry.db;
}

export async function closeDb(): Promise<void> {
  const entry = cache.__purwantaraDb;
  cache.__purwantaraDb = undefined;
  await entry?.pool?.end();
}
