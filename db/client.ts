import "server-only";
import { sql } from "drizzle-orm";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import { getEnv } from "@/lib/env";
import * as schema from "./schema";

export type Db = NodePgDatabase<typeof schema>;
/** A database handle or an open transaction: query functions accept either. */
export type DbOrTx = Db | Parameters<Parameters<Db["transaction"]>[0]>[0];

type Cache = { pool?: pg.Pool; db?: Db; quick?: pg.Pool; quickDb?: Db; apply?: pg.Pool };
// Cached on globalThis so hot reload in development does not leak connections.
const cache = globalThis as typeof globalThis & { __purwantaraDb?: Cache };

/** The one pg pool of the app process. */
export function getDb(): Db {
  return connect().db;
}

/** The pool itself, for what drizzle cannot do (a server-side cursor for exports). */
export function getPool(): pg.Pool {
  return connect().pool;
}

function connect(): { pool: pg.Pool; db: Db } {
  const entry = (cache.__purwantaraDb ??= {});
  if (!entry.db || !entry.pool) {
    entry.pool = new pg.Pool({
      connectionString: getEnv().databaseUrl,
      max: 10,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
    });
    watchPool(entry.pool, "main");
    entry.db = drizzle(entry.pool, { schema });
  }
  return { pool: entry.pool, db: entry.db };
}

type PoolErrorListener = (pool: string, error: Error) => void;
/** Until the app's log is wired in (instrumentation.ts), a warning naming the error's class and code only. */
let poolErrorListener: PoolErrorListener = (pool, error) =>
  process.emitWarning(`pg pool ${pool}: ${error.name} ${(error as { code?: string }).code ?? ""}`);

/**
 * Where an idle connection's failure (the server restarted: the pool drops it and goes
 * on) is reported. The app points it at its log; db/ itself imports nothing of lib/ but
 * lib/core and lib/env.
 */
export function onPoolError(listener: PoolErrorListener): void {
  poolErrorListener = listener;
}

function poolError(pool: string, error: Error): void {
  poolErrorListener(pool, error);
}

/**
 * Reports a connection's failure instead of letting it crash the process. The pool
 * listens to its idle connections only; a connection checked out but between two
 * queries (inside a transaction, awaiting the app) that the server ends (a restart, a
 * failover, `pg_terminate_backend`) would emit an 'error' nobody hears: an uncaught
 * exception. Each connection gets a listener of its own; the holder's next query then
 * fails as an ordinary error, and the pool drops the connection on release.
 */
function watchPool(pool: pg.Pool, name: string): void {
  pool.on("error", (error) => poolError(name, error));
  pool.on("connect", (client) => client.on("error", (error) => poolError(name, error)));
}

export async function closeDb(): Promise<void> {
  const entry = cache.__purwantaraDb;
  cache.__purwantaraDb = undefined;
  await Promise.all([entry?.pool?.end(), entry?.quick?.end(), entry?.apply?.end()]);
}

/** Server-side limits of every connection of the quick pool (see `getQuickPool`). */
export const quickLimits = { statementTimeoutMs: 800, lockTimeoutMs: 600, queryTimeoutMs: 1000 };

/**
 * A second, small pool for single statements that must answer fast whatever the
 * database does (the callback route): its connections carry statement and lock
 * timeouts from the start (no BEGIN or SET round trip), a client-side timeout ends a
 * query the server never answers, and a connection that failed is dropped, not reused.
 */
export function getQuickPool(): pg.Pool {
  const entry = (cache.__purwantaraDb ??= {});
  if (!entry.quick) {
    entry.quick = new pg.Pool({
      connectionString: getEnv().databaseUrl,
      max: 10,
      connectionTimeoutMillis: quickLimits.queryTimeoutMs,
      idleTimeoutMillis: 30_000,
      query_timeout: quickLimits.queryTimeoutMs,
      options: `-c statement_timeout=${quickLimits.statementTimeoutMs} -c lock_timeout=${quickLimits.lockTimeoutMs}`,
    });
    watchPool(entry.quick, "quick");
  }
  return entry.quick;
}

/** The quick pool through drizzle: single statements that must answer fast. */
export function getQuickDb(): Db {
  const entry = (cache.__purwantaraDb ??= {});
  entry.quickDb ??= drizzle(getQuickPool(), { schema });
  return entry.quickDb;
}

/**
 * The callbacks' own pool for applying deliveries (inline and the inbox drainer), so
 * nothing else the app does (sign-ins, exports, finance pages) can starve them.
 */
export function getApplyPool(): pg.Pool {
  const entry = (cache.__purwantaraDb ??= {});
  if (!entry.apply) {
    entry.apply = new pg.Pool({
      connectionString: getEnv().databaseUrl,
      max: applyPoolSize,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
    });
    watchPool(entry.apply, "apply");
  }
  return entry.apply;
}

/** Connections of the apply pool: the inline applies and the drainer share them. */
export const applyPoolSize = 4;

/** A transaction that did not finish within its deadline (see `transactionWithin`). */
export class DatabaseDeadlineError extends Error {
  readonly code = "DEADLINE";
  constructor(ms: number) {
    super(`database work did not finish within ${ms} ms`);
  }
}

export type TransactionLimits = {
  /** For everything: waiting for a connection, every statement, the commit. */
  deadlineMs: number;
  statementTimeoutMs: number;
  lockTimeoutMs: number;
};

/**
 * Runs `fn` in a transaction that must finish within `limits.deadlineMs`, waiting for a
 * connection included. Past the deadline it rejects with DatabaseDeadlineError and the
 * connection is closed, not returned to the pool, so a frozen server holds no pooled
 * connection; the server-side timeouts end the statement and the transaction on its side.
 */
export async function transactionWithin<T>(
  limits: TransactionLimits,
  fn: (tx: DbOrTx) => Promise<T>,
  pool: pg.Pool = connect().pool,
): Promise<T> {
  let expired = false;
  let held: pg.PoolClient | null = null;
  const release = (destroy: boolean) => {
    const client = held;
    held = null;
    client?.release(destroy);
  };
  const work = (async () => {
    const client = await pool.connect();
    held = client;
    if (expired) {
      release(false);
      throw new DatabaseDeadlineError(limits.deadlineMs);
    }
    try {
      const result = await drizzle(client, { schema }).transaction(async (tx) => {
        await tx.execute(
          sql`select set_config('statement_timeout', ${`${limits.statementTimeoutMs}ms`}, true),
                     set_config('lock_timeout', ${`${limits.lockTimeoutMs}ms`}, true),
                     set_config('idle_in_transaction_session_timeout', ${`${limits.deadlineMs}ms`}, true)`,
        );
        return fn(tx);
      });
      release(false);
      return result;
    } catch (error) {
      release(expired);
      throw error;
    }
  })();
  // Past the deadline nobody awaits `work`; its late failure must not go unhandled.
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      expired = true;
      release(true);
      reject(new DatabaseDeadlineError(limits.deadlineMs));
    }, limits.deadlineMs);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
