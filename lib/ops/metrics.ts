import "server-only";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { getApplyPool, getPool, getQuickPool, transactionWithin, type DbOrTx } from "@/db/client";
import { inboxDepth } from "@/db/queries/inbox";
import { checkReadReplica } from "@/db/read-replica";
import {
  countOutboundQueues,
  countRecentDeliveries,
  type OutboundQueueRow,
} from "@/db/queries/metrics";
import type { SweepCounts } from "@/db/queries/sweep";
import type { GatewayMode } from "@purwantara/contract";

/** [chosen] The window of `purwantara_callback_deliveries_recent`. */
export const recentDeliveryMinutes = 15;

function createMetrics() {
  const registry = new Registry();
  // Process CPU, memory, handles, GC and event-loop lag (nodejs_eventloop_lag_*).
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    ...callbackMetrics(registers),
    ...databaseMetrics(registers),
    ...workMetrics(registers),
  };
}

/** Callbacks as this process answers them, and the inbox and deliveries as the database holds them. */
function callbackMetrics(registers: Registry[]) {
  return {
    callbacks: new Counter({
      name: "purwantara_callbacks_total",
      help: "Callback requests answered by this process, by outcome (the decision's when applied inline, else the answer's kind)",
      labelNames: ["outcome"] as const,
      registers,
    }),
    callbackSeconds: new Histogram({
      name: "purwantara_callback_answer_seconds",
      help: "Time from a callback request to its answer (Purwantara gives up after 3 s)",
      labelNames: ["outcome"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3],
      registers,
    }),
    recentDeliveries: new Gauge({
      name: "purwantara_callback_deliveries_recent",
      help: `Deliveries recorded by every instance in the last ${recentDeliveryMinutes} minutes, by mode and outcome (database)`,
      labelNames: ["mode", "outcome"] as const,
      registers,
    }),
    inboxPending: new Gauge({
      name: "purwantara_inbox_pending",
      help: "Callbacks on disk not yet applied, every instance's (database)",
      registers,
    }),
    inboxOldestAge: new Gauge({
      name: "purwantara_inbox_oldest_age_seconds",
      help: "Age of the oldest callback not yet applied; 0 when none waits (database)",
      registers,
    }),
  };
}

/** The database's reachability, this process's pools and the read replica. */
function databaseMetrics(registers: Registry[]) {
  return {
    databaseUp: new Gauge({
      name: "purwantara_metrics_database_up",
      help: "1 when the database answered this scrape's reads within 1 s, else 0 (the database gauges then keep their last values)",
      registers,
    }),
    pool: new Gauge({
      name: "purwantara_db_pool_connections",
      help: "Connections of this process's pg pools: total, idle, and requests waiting for one",
      labelNames: ["pool", "state"] as const,
      registers,
    }),
    replicaLag: new Gauge({
      name: "purwantara_read_replica_lag_seconds",
      help: "How far the read replica (DATABASE_READ_URL) is behind the primary at this scrape; absent without one, -1 when unreachable",
      registers,
    }),
    replicaInUse: new Gauge({
      name: "purwantara_read_replica_in_use",
      help: "1 while finance reads go to the read replica, 0 while they fall back to the primary (too far behind or unreachable)",
      registers,
    }),
  };
}

/** Gateway calls, the outbound queues (email, relay) and the status sweep. */
function workMetrics(registers: Registry[]) {
  return {
    gatewayCalls: new Counter({
      name: "purwantara_gateway_calls_total",
      help: "Calls this process made to Purwantara, by mode, endpoint (ids replaced), HTTP status (0: no answer) and outcome; each is a row of the gateway call log (/gateway-calls)",
      labelNames: ["mode", "endpoint", "status", "outcome"] as const,
      registers,
    }),
    gatewayCallSeconds: new Histogram({
      name: "purwantara_gateway_call_seconds",
      help: "Time of each call to Purwantara, by mode and endpoint",
      labelNames: ["mode", "endpoint"] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 15, 30],
      registers,
    }),
    outbound: new Gauge({
      name: "purwantara_outbound_queue",
      help: "Emails (queue=email, mode=all) and relay deliveries (queue=relay) waiting (pending, sending) or given up in the last day (failed)",
      labelNames: ["queue", "mode", "state"],
      registers,
    }),
    outboundOldest: new Gauge({
      name: "purwantara_outbound_oldest_waiting_seconds",
      help: "Age of the oldest email or relay delivery still waiting to be sent (0 when none)",
      labelNames: ["queue"],
      registers,
    }),
    sweepRuns: new Counter({
      name: "purwantara_sweep_runs_total",
      help: "Status sweep runs finished by this process, by mode and result (complete, or why it stopped early)",
      labelNames: ["mode", "result"] as const,
      registers,
    }),
    sweepChecks: new Counter({
      name: "purwantara_sweep_checks_total",
      help: "Payments the status sweep asked about in this process, by mode and result",
      labelNames: ["mode", "result"] as const,
      registers,
    }),
  };
}

type Metrics = ReturnType<typeof createMetrics>;
// On globalThis: one registry per process, whichever route bundle or job records.
const key = Symbol.for("purwantara.metrics");
const holder = globalThis as typeof globalThis & { [key]?: Metrics };

export function getMetrics(): Metrics {
  holder[key] ??= createMetrics();
  return holder[key];
}

export function countCallback(outcome: string, seconds: number): void {
  const metrics = getMetrics();
  metrics.callbacks.inc({ outcome });
  metrics.callbackSeconds.observe({ outcome }, seconds);
}

export function countGatewayCall(call: {
  mode: GatewayMode;
  endpoint: string;
  httpStatus: number | null;
  outcome: string;
  latencyMs: number;
}): void {
  const metrics = getMetrics();
  metrics.gatewayCalls.inc({
    mode: call.mode,
    endpoint: call.endpoint,
    status: String(call.httpStatus ?? 0),
    outcome: call.outcome,
  });
  metrics.gatewayCallSeconds.observe(
    { mode: call.mode, endpoint: call.endpoint },
    call.latencyMs / 1000,
  );
}

export function countSweepRun(mode: GatewayMode, counts: SweepCounts): void {
  const metrics = getMetrics();
  metrics.sweepRuns.inc({ mode, result: counts.stoppedEarly ?? "complete" });
  const checks = {
    updated: counts.updated,
    unchanged: counts.unchanged,
    not_found: counts.notFound,
    skipped: counts.skipped,
    failed: counts.failed,
  };
  for (const [result, n] of Object.entries(checks)) {
    if (n > 0) metrics.sweepChecks.inc({ mode, result }, n);
  }
}

async function readDatabaseGauges(metrics: Metrics): Promise<void> {
  const read = async (tx: DbOrTx) => ({
    inbox: await inboxDepth(tx),
    recent: await countRecentDeliveries(tx, recentDeliveryMinutes),
    outbound: await countOutboundQueues(tx),
  });
  try {
    const { inbox, recent, outbound } = await transactionWithin(
      { deadlineMs: 1000, statementTimeoutMs: 800, lockTimeoutMs: 500 },
      read,
    );
    metrics.inboxPending.set(inbox.pending);
    const age = inbox.oldestAt ? (Date.now() - inbox.oldestAt.getTime()) / 1000 : 0;
    metrics.inboxOldestAge.set(Math.max(0, age));
    metrics.recentDeliveries.reset();
    for (const row of recent) {
      metrics.recentDeliveries.set({ mode: row.mode, outcome: row.outcome }, row.count);
    }
    setOutbound(metrics, outbound);
    metrics.databaseUp.set(1);
  } catch {
    metrics.databaseUp.set(0);
  }
}

function setOutbound(
  metrics: Metrics,
  queues: Record<"email" | "relay", OutboundQueueRow[]>,
): void {
  metrics.outbound.reset();
  for (const [queue, rows] of Object.entries(queues)) {
    const waiting = rows.filter((r) => r.state !== "failed" && r.oldestAt);
    const oldest = Math.min(...waiting.map((r) => r.oldestAt!.getTime()), Date.now());
    metrics.outboundOldest.set({ queue }, Math.max(0, (Date.now() - oldest) / 1000));
    for (const r of rows) metrics.outbound.set({ queue, mode: r.mode, state: r.state }, r.count);
  }
}

function readPools(metrics: Metrics): void {
  const pools = { main: getPool(), quick: getQuickPool(), apply: getApplyPool() };
  for (const [pool, p] of Object.entries(pools)) {
    metrics.pool.set({ pool, state: "total" }, p.totalCount);
    metrics.pool.set({ pool, state: "idle" }, p.idleCount);
    metrics.pool.set({ pool, state: "waiting" }, p.waitingCount);
  }
}

async function readReplicaGauges(metrics: Metrics): Promise<void> {
  const state = await checkReadReplica();
  if (state.kind === "none") return;
  metrics.replicaInUse.set(state.kind === "in-use" ? 1 : 0);
  const lag = "lagSeconds" in state ? state.lagSeconds : null;
  metrics.replicaLag.set(lag ?? -1);
}

/**
 * The Prometheus text of this process. Counters are this process's (sum them over the
 * instances); the database gauges are the whole cluster's, read at each scrape with a
 * 1 s deadline (take their max over instances, not the sum).
 */
export async function scrapeMetrics(): Promise<{ body: string; contentType: string }> {
  const metrics = getMetrics();
  readPools(metrics);
  await Promise.all([readDatabaseGauges(metrics), readReplicaGauges(metrics)]);
  return { body: await metrics.registry.metrics(), contentType: metrics.registry.contentType };
}
