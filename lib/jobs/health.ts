import "server-only";
import { latestSweepRuns } from "@/db/queries/sweep";
import type { GatewayMode } from "@purwantara/contract";

export type LastSweep = {
  mode: GatewayMode;
  startedAt: Date;
  /** Null while it runs (or if its process died mid-run). */
  finishedAt: Date | null;
  /** Open transactions it was due to ask about, and what came of them. */
  candidates: number;
  updated: number;
  unchanged: number;
  notFound: number;
  skipped: number;
  failed: number;
  /** rate_limited, gateway_refused, gateway_down, stopping or time_budget; null when it got through. */
  stoppedEarly: string | null;
};

/**
 * The latest status sweep of each mode, for a health panel: when it ran and what it
 * did. A mode with no entry has never been swept (jobs off, or just installed).
 */
export async function lastSweep(): Promise<LastSweep[]> {
  return (await latestSweepRuns()).map((run) => ({
    mode: run.mode,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    candidates: run.candidates,
    updated: run.updated,
    unchanged: run.unchanged,
    notFound: run.notFound,
    skipped: run.skipped,
    failed: run.failed,
    stoppedEarly: run.stoppedEarly,
  }));
}
