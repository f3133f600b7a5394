import "server-only";
import {
  finishSweepRun,
  insertSweepRun,
  listSweepCandidates,
  pruneSweepRuns,
  recordSyncCheck,
  type SweepCandidate,
  type SweepCounts,
  type SyncCheckOutcome,
} from "@/db/queries/sweep";
import { pruneGatewayCalls } from "@/db/queries/gateway-calls";
import type { TransactionChannel } from "@/db/schema";
import { creatableChannels, getChannelModule } from "@/channels/server";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { gatewayConfigs } from "@/lib/gateway/config";
import { logFor } from "@/lib/log";
import { countSweepRun } from "@/lib/ops/metrics";
import { checkPaymentStatus } from "@/lib/payments/check-status";
import type { GatewayMode } from "@purwantara/contract";
import { PurwantaraError } from "@/lib/purwantara/errors";
import { backoffSeconds, parseJobSettings, type SweepSettings } from "./settings";
import { pacer } from "./pacer";

export type ModeSweep = SweepCounts & { mode: GatewayMode; runId: number };

export type SweepOptions = {
  /** The pg-boss job running this sweep, recorded on its runs. */
  jobId?: string | null;
  /** Aborted when the process is stopping: the sweep ends after the row in hand. */
  signal?: AbortSignal;
  settings?: Partial<SweepSettings>;
};

/** How long sweep runs are kept for the health panel. */
const keepRunsDays = 30;
const log = logFor("jobs");

/**
 * The missed-callback sweep: for each configured mode, asks Purwantara about open
 * transactions that have gone silent, passed their expiry or never got a create
 * answer, and applies the answer through `checkPaymentStatus` (the "Check status"
 * button's code) with source "sync". Each row commits on its own; a failing row is
 * recorded and the sweep moves on.
 */
export async function runStatusSweep(options: SweepOptions = {}): Promise<ModeSweep[]> {
  const settings = { ...parseJobSettings(process.env).sweep, ...options.settings };
  const results: ModeSweep[] = [];
  for (const { mode } of await gatewayConfigs()) {
    if (options.signal?.aborted) break;
    results.push(await sweepMode(mode, settings, options));
  }
  await pruneSweepRuns(keepRunsDays);
  // The sweep runs once a minute across the instances: a fitting place to keep the log short.
  await pruneGatewayCalls(getEnv().gatewayCallRetentionDays);
  return results;
}

/** The channels whose module has an inquiry (or list) endpoint: the ones a check can ask. */
const channelsWith = (key: "inquiryPath" | "listPath"): TransactionChannel[] =>
  creatableChannels.filter((c) => getChannelModule(c)?.[key]);

async function sweepMode(
  mode: GatewayMode,
  settings: SweepSettings,
  options: SweepOptions,
): Promise<ModeSweep> {
  const runId = await insertSweepRun({ mode, jobId: options.jobId ?? null });
  const candidates = await listSweepCandidates({
    mode,
    inquiryChannels: channelsWith("inquiryPath"),
    listChannels: channelsWith("listPath"),
    silentAfterSeconds: settings.silentAfterSeconds,
    unconfirmedAfterSeconds: settings.unconfirmedAfterSeconds,
    expiryGraceSeconds: settings.expiryGraceSeconds,
    limit: settings.batch,
  });
  const counts: SweepCounts = {
    candidates: candidates.length,
    updated: 0,
    unchanged: 0,
    notFound: 0,
    skipped: 0,
    failed: 0,
    stoppedEarly: null,
  };
  const wait = pacer(settings.ratePerSecond);
  const deadline = Date.now() + settings.timeBudgetMs;
  let failuresInARow = 0;
  for (const candidate of candidates) {
    await wait(options.signal);
    if (options.signal?.aborted) counts.stoppedEarly = "stopping";
    else if (Date.now() > deadline) counts.stoppedEarly = "time_budget";
    if (counts.stoppedEarly) break;
    const checked = await checkOne(candidate, mode, settings);
    counts[countKey[checked.outcome]] += 1;
    if (checked.outcome !== "error") {
      failuresInARow = 0;
      continue;
    }
    failuresInARow += 1;
    log.warn(
      { mode, runId, transactionId: candidate.id, error: checked.error },
      "status sweep: check failed",
    );
    if (checked.stop) counts.stoppedEarly = checked.stop;
    else if (failuresInARow >= settings.maxConsecutiveFailures)
      counts.stoppedEarly = "gateway_down";
    if (counts.stoppedEarly) break;
  }
  await finishSweepRun(runId, counts);
  countSweepRun(mode, counts);
  log.info({ mode, runId, ...counts }, "status sweep run finished");
  return { mode, runId, ...counts };
}

const countKey = {
  updated: "updated",
  unchanged: "unchanged",
  not_found_at_gateway: "notFound",
  skipped: "skipped",
  error: "failed",
} as const satisfies Record<SyncCheckOutcome, keyof SweepCounts>;

type Checked = {
  outcome: SyncCheckOutcome;
  error: string | null;
  /** Set when the whole mode's run should stop (the gateway asked us to slow down). */
  stop?: "rate_limited" | "gateway_refused";
};

async function checkOne(
  candidate: SweepCandidate,
  mode: GatewayMode,
  settings: SweepSettings,
): Promise<Checked> {
  const checked = await attempt(candidate.id, mode);
  // A change resets the backoff; nothing new, a failure or a skip backs off further.
  const attempts = checked.outcome === "updated" ? 0 : candidate.attempts + 1;
  await recordSyncCheck({
    transactionId: candidate.id,
    mode,
    outcome: checked.outcome,
    error: checked.error,
    attempts,
    nextCheckInSeconds: backoffSeconds(Math.max(attempts, 1), settings),
  });
  return checked;
}

async function attempt(id: string, mode: GatewayMode): Promise<Checked> {
  try {
    return { outcome: await checkPaymentStatus(id, mode, "sweep"), error: null };
  } catch (error) {
    // The row moved on (or left) between the candidate query and its check.
    if (error instanceof AppError && (error.code === "not_found" || error.code === "conflict"))
      return { outcome: "skipped", error: error.message };
    return describeFailure(error);
  }
}

/** A failure in words safe for logs: kinds, codes and statuses, never a payload. */
function describeFailure(error: unknown): Checked {
  if (error instanceof PurwantaraError) {
    const parts = [error.kind, error.httpStatus, error.code].filter((p) => p !== null);
    const stop =
      error.kind === "rate_limited"
        ? "rate_limited"
        : error.kind === "auth" || error.kind === "forbidden"
          ? "gateway_refused"
          : undefined;
    return { outcome: "error", error: `gateway: ${parts.join(" ")}`, stop };
  }
  const code =
    typeof error === "object" && error !== null && "code" in error ? String(error.code) : null;
  const name = error instanceof Error ? error.name : "unknown";
  return { outcome: "error", error: code ? `${name} ${code}` : name };
}
