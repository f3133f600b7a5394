import "server-only";
import type pg from "pg";
import { getPool, transactionWithin, type DbOrTx } from "@/db/client";
import { inboxDepth } from "@/db/queries/inbox";
import { migrationStatus, pingDatabase } from "@/db/queries/readiness";
import { jobRunnerState } from "@/lib/jobs/start";

/** [chosen] The database must answer every check within this, connection included. */
export const readinessDeadlineMs = 1000;
/**
 * [chosen] Oldest unapplied callback allowed. Drainers look every 2 s and back off to
 * at most 60 s between tries of a row the database refused, so two minutes means
 * nothing is applying callbacks.
 */
export const maxInboxLagSeconds = 120;

export type ReadinessCheck = "database" | "migrations" | "jobs" | "inbox";

/** The answer of /api/ready: states and counts only (no address, no error text). */
export type Readiness = {
  ready: boolean;
  failed: ReadinessCheck[];
  checks: {
    database: { ok: boolean; ms: number };
    migrations: { ok: boolean; pending: number | null };
    jobs: { ok: boolean; state: ReturnType<typeof jobRunnerState> };
    inbox: { ok: boolean; pending: number | null; oldestAgeSeconds: number | null };
  };
};

export type ReadinessOptions = {
  /** Tests: another pool (an unreachable or frozen server). */
  pool?: pg.Pool;
  jobState?: () => ReturnType<typeof jobRunnerState>;
  maxInboxLagSeconds?: number;
  now?: () => number;
};

type DatabaseFacts = {
  migrations: { pending: number } | null;
  inbox: { pending: number; oldestAt: Date | null };
};

/**
 * Whether this process should be sent traffic: its database answers within 1 s, the
 * schema is what the build expects, its job runner started (or is off on purpose),
 * and callbacks are being applied. The database checks run in one short transaction
 * on one connection, dropped past the deadline, so a frozen server holds nothing.
 */
export async function checkReadiness(options: ReadinessOptions = {}): Promise<Readiness> {
  const now = options.now ?? Date.now;
  const started = now();
  const facts = await transactionWithin(
    { deadlineMs: readinessDeadlineMs, statementTimeoutMs: 800, lockTimeoutMs: 500 },
    readDatabaseFacts,
    options.pool ?? getPool(),
  ).catch(() => null);
  const ms = Math.round(now() - started);
  const state = (options.jobState ?? jobRunnerState)();
  const lagLimit = options.maxInboxLagSeconds ?? maxInboxLagSeconds;
  const oldestAt = facts?.inbox.oldestAt ?? null;
  const oldestAgeSeconds = oldestAt
    ? Math.max(0, Math.round((now() - oldestAt.getTime()) / 1000))
    : null;
  const checks: Readiness["checks"] = {
    database: { ok: facts !== null, ms },
    migrations: {
      ok: facts?.migrations?.pending === 0,
      pending: facts?.migrations?.pending ?? null,
    },
    jobs: { ok: state === "started" || state === "off", state },
    inbox: {
      ok: facts !== null && (oldestAgeSeconds ?? 0) <= lagLimit,
      pending: facts?.inbox.pending ?? null,
      oldestAgeSeconds,
    },
  };
  const failed = (Object.keys(checks) as ReadinessCheck[]).filter((name) => !checks[name].ok);
  return { ready: failed.length === 0, failed, checks };
}

async function readDatabaseFacts(tx: DbOrTx): Promise<DatabaseFacts> {
  await pingDatabase(tx);
  const inbox = await inboxDepth(tx);
  // A savepoint: a database never migrated (no bookkeeping table) fails this check only.
  const migrations = await tx.transaction((sp) => migrationStatus(sp)).catch(() => null);
  return { migrations, inbox };
}

let inFlight: Promise<Readiness> | null = null;

/** The route's entry: probes arriving together share one check, so a flood costs one connection. */
export function currentReadiness(): Promise<Readiness> {
  inFlight ??= checkReadiness().finally(() => {
    inFlight = null;
  });
  return inFlight;
}
