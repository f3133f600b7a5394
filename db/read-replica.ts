import "server-only";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { getEnv } from "@/lib/env";
import { getDb, getPool, type Db } from "./client";
import * as schema from "./schema";

/**
 * The one place that decides where finance reads (lists, totals, the overview,
 * reconciliation views, exports) go: the read replica (DATABASE_READ_URL) while it is
 * reachable and no further behind than DATABASE_READ_MAX_LAG_SECONDS, else the primary.
 * Writes, transactions and the page right after a write use `getDb()` (the primary).
 *
 * The replica is checked at most every `checkEveryMs`, in the background of the reads
 * (a read never waits for the check): until its first check passes, reads go to the
 * primary.
 */
export type ReplicaState =
  | { kind: "none" }
  | { kind: "unchecked" }
  | { kind: "in-use"; lagSeconds: number; checkedAt: Date }
  | { kind: "behind"; lagSeconds: number | null; checkedAt: Date }
  | { kind: "unreachable"; checkedAt: Date };

const checkEveryMs = 5_000;

type Replica = {
  pool: pg.Pool;
  db: Db;
  state: ReplicaState;
  checking: Promise<ReplicaState> | null;
  lastCheck: number;
};
const cache = globalThis as typeof globalThis & { __purwantaraReplica?: Replica | null };

type ChangeListener = (from: ReplicaState["kind"], to: ReplicaState) => void;
let changeListener: ChangeListener = (from, to) =>
  process.emitWarning(`read replica: ${from} -> ${to.kind}`);

/** Where a change of the replica's state is reported (once per change, never per query). */
export function onReplicaChange(listener: ChangeListener): void {
  changeListener = listener;
}

function replica(): Replica | null {
  if (cache.__purwantaraReplica !== undefined) return cache.__purwantaraReplica;
  const config = getEnv().readReplica;
  if (!config) return (cache.__purwantaraReplica = null);
  const pool = new pg.Pool({
    connectionString: config.url,
    max: 10,
    connectionTimeoutMillis: 2_000,
    idleTimeoutMillis: 30_000,
  });
  pool.on("error", () => {
    // An idle connection dropped (the replica restarted): the next check says so.
  });
  return (cache.__purwantaraReplica = {
    pool,
    db: drizzle(pool, { schema }),
    state: { kind: "unchecked" },
    checking: null,
    lastCheck: 0,
  });
}

/** The database finance reads go to: the replica while it is healthy, else the primary. */
export function readDb(): Db {
  const r = usableReplica();
  return r ? r.db : getDb();
}

/** The pool behind `readDb()`, for a server-side cursor (exports). */
export function readPool(): pg.Pool {
  const r = usableReplica();
  return r ? r.pool : getPool();
}

function usableReplica(): Replica | null {
  const r = replica();
  if (!r) return null;
  if (Date.now() - r.lastCheck >= checkEveryMs) void checkReadReplica();
  return r.state.kind === "in-use" ? r : null;
}

/** The replica's state as of its last check (the health panel and metrics show it). */
export function readReplicaState(): ReplicaState {
  return replica()?.state ?? { kind: "none" };
}

/**
 * Measures the replica's lag now and updates its state. "No WAL left to replay"
 * (received = replayed) is no lag at all, however long ago the last transaction was.
 */
export async function checkReadReplica(): Promise<ReplicaState> {
  const r = replica();
  if (!r) return { kind: "none" };
  r.lastCheck = Date.now();
  r.checking ??= measure(r).finally(() => {
    r.checking = null;
  });
  return r.checking;
}

async function measure(r: Replica): Promise<ReplicaState> {
  const maxLag = getEnv().readReplica?.maxLagSeconds ?? 0;
  let next: ReplicaState;
  try {
    const result = await r.pool.query<{ lag: string | null }>({
      text: `select case
                 when not pg_is_in_recovery() then 0
                 when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
                 else extract(epoch from now() - pg_last_xact_replay_timestamp())
               end::text as lag`,
      query_timeout: 2_000,
    } as pg.QueryConfig);
    const raw = result.rows[0]?.lag;
    const lag = raw == null ? null : Math.max(0, Number(raw));
    next =
      lag !== null && lag <= maxLag
        ? { kind: "in-use", lagSeconds: lag, checkedAt: new Date() }
        : { kind: "behind", lagSeconds: lag, checkedAt: new Date() };
  } catch {
    next = { kind: "unreachable", checkedAt: new Date() };
  }
  const before = r.state.kind;
  r.state = next;
  if (before !== next.kind) changeListener(before, next);
  return next;
}

/** Closes the replica's pool (shutdown, tests). */
export async function closeReadReplica(): Promise<void> {
  const r = cache.__purwantaraReplica;
  cache.__purwantaraReplica = undefined;
  await r?.pool.end();
}
