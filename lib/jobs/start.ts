import "server-only";
import { getEnv } from "@/lib/env";
import { errorFacts, logFor } from "@/lib/log";
import { startJobQueue, type JobQueue } from "./queue";
import { parseJobSettings } from "./settings";

/** Where this process's job runner is: `off` on purpose (JOBS=off), else on its way to `started`. */
export type JobRunnerState = "off" | "starting" | "retrying" | "started" | "stopped";

type Jobs = {
  queue: JobQueue | null;
  retry?: NodeJS.Timeout;
  state: JobRunnerState;
  stopped?: Promise<void>;
};
// One queue per process, even if the hook runs twice (hot reload keeps globalThis).
const holder = globalThis as typeof globalThis & { __purwantaraJobs?: Jobs };

const retryMs = 30_000;
const log = logFor("jobs");

/**
 * Starts the background jobs of this app process (called once from instrumentation.ts),
 * unless JOBS=off. If PostgreSQL is not reachable yet, tries again every 30 s rather
 * than keeping the app from serving. Stops them on SIGTERM and SIGINT.
 */
export function startBackgroundJobs(): void {
  if (holder.__purwantaraJobs) return;
  const settings = parseJobSettings(process.env);
  const jobs: Jobs = { queue: null, state: settings.enabled ? "starting" : "off" };
  holder.__purwantaraJobs = jobs;
  if (!settings.enabled) {
    log.info("jobs off (JOBS=off): no status sweep, no email and no relay sending in this process");
    return;
  }
  const attempt = async () => {
    jobs.retry = undefined;
    try {
      jobs.queue = await startJobQueue({
        connectionString: getEnv().databaseUrl,
        sweepCron: settings.sweepEnabled ? settings.sweepCron : undefined,
        email: settings.emailEnabled ? {} : undefined,
        relay: settings.emailEnabled ? {} : undefined,
      });
      if (jobs.state !== "stopped") jobs.state = "started";
      log.info(
        settings.sweepEnabled
          ? { cron: settings.sweepCron, sweep: true, email: true }
          : { sweep: false, email: true },
        settings.sweepEnabled
          ? "status sweep scheduled (UTC); sending email and relay events"
          : "sending email and relay events (JOBS=email: no status sweep here)",
      );
    } catch (error) {
      log.error({ err: errorFacts(error), retryInSeconds: retryMs / 1000 }, "jobs could not start");
      jobs.state = "retrying";
      jobs.retry = setTimeout(() => void attempt(), retryMs).unref();
    }
  };
  process.once("SIGTERM", () => void stopBackgroundJobs());
  process.once("SIGINT", () => void stopBackgroundJobs());
  void attempt();
}

/**
 * Stops this process's job runner: no new job is taken, the sweep ends after the row in
 * hand (pg-boss waits for the running jobs). Once per process; later calls share it.
 */
export function stopBackgroundJobs(): Promise<void> {
  const jobs = holder.__purwantaraJobs;
  if (!jobs) return Promise.resolve();
  jobs.stopped ??= (async () => {
    clearTimeout(jobs.retry);
    jobs.state = "stopped";
    const queue = jobs.queue;
    jobs.queue = null;
    await queue?.stop().catch((error: unknown) => {
      log.error({ err: errorFacts(error) }, "jobs stop failed");
    });
  })();
  return jobs.stopped;
}

/** The job queue this process runs, if any (its pg-boss also sends jobs). */
export function runningJobQueue(): JobQueue | null {
  return holder.__purwantaraJobs?.queue ?? null;
}

/** This process's job runner, for readiness; `absent` when nothing started it (not the app). */
export function jobRunnerState(): JobRunnerState | "absent" {
  return holder.__purwantaraJobs?.state ?? "absent";
}
