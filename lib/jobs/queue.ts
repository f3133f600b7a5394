import "server-only";
import PgBoss from "pg-boss";
import { errorFacts, logFor } from "@/lib/log";
import { createEmailQueues, startEmailWorkers, type EmailJobOptions } from "./email";
import { createNoticeQueues, startNoticeWorkers } from "./notices";
import { createRelayQueues, startRelayWorkers, type RelayJobOptions } from "./relay";
import { runStatusSweep, type SweepOptions } from "./status-sweep";

/** The status sweep's pg-boss queue (and its schedule's name). */
export const sweepQueue = "payment-status-sweep";

export type JobQueueOptions = {
  connectionString: string;
  /** When the sweep runs (cron, UTC); unset: no status sweep in this process. */
  sweepCron?: string;
  /** Send the outbox's email in this process (unset: not). */
  email?: EmailJobOptions;
  /** Send the relay's events to other systems in this process (unset: not). */
  relay?: RelayJobOptions;
  /** How often an idle worker looks for a job, in seconds. */
  pollingIntervalSeconds?: number;
  /** How often the schedules are looked at, in seconds (pg-boss: 1–45, default 30). */
  cronMonitorIntervalSeconds?: number;
  /** Passed to every sweep run (tests use it to change thresholds). */
  sweep?: Omit<SweepOptions, "jobId" | "signal">;
};

export type JobQueue = {
  boss: PgBoss;
  /** Queues a sweep now; null when one is already waiting (the queue holds one at most). */
  requestSweep(): Promise<string | null>;
  /** Ends a running sweep after its current row, then stops polling and closes the pool. */
  stop(): Promise<void>;
};

/**
 * Starts pg-boss (it keeps its own tables in the `pgboss` schema and migrates them
 * itself) and the status sweep's schedule and worker. Safe to start in every app
 * instance: the schedule fires once per slot whatever the number of instances, and
 * the queue's `stately` policy lets one sweep be active and one wait, so two sweeps
 * never run at once.
 */
export async function startJobQueue(options: JobQueueOptions): Promise<JobQueue> {
  const boss = new PgBoss({
    connectionString: options.connectionString,
    application_name: "purwantara-jobs",
    max: 3,
    schedule: true,
    supervise: true,
    migrate: true,
    ...(options.cronMonitorIntervalSeconds
      ? {
          cronMonitorIntervalSeconds: options.cronMonitorIntervalSeconds,
          cronWorkerIntervalSeconds: options.cronMonitorIntervalSeconds,
        }
      : {}),
  });
  boss.on("error", (error: Error) =>
    logFor("jobs").error({ err: errorFacts(error) }, "pg-boss error"),
  );
  await boss.start();
  await createJobQueues(boss);
  const stopping = new AbortController();
  if (options.sweepCron) {
    await boss.schedule(sweepQueue, options.sweepCron, {}, { tz: "UTC" });
    await boss.work(
      sweepQueue,
      { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 10, batchSize: 1 },
      // The job's output (kept by pg-boss) is the counts per mode: no personal data.
      async ([job]) => ({
        runs: await runStatusSweep({ ...options.sweep, jobId: job?.id, signal: stopping.signal }),
      }),
    );
  }
  if (options.email) {
    await startEmailWorkers(boss, {
      pollingIntervalSeconds: options.pollingIntervalSeconds,
      ...options.email,
    });
  }
  if (options.email) await startNoticeWorkers(boss, options.pollingIntervalSeconds);
  if (options.relay) {
    await startRelayWorkers(boss, {
      pollingIntervalSeconds: options.pollingIntervalSeconds,
      ...options.relay,
    });
  }
  return {
    boss,
    requestSweep: () => boss.send(sweepQueue, {}),
    async stop() {
      stopping.abort();
      await boss.stop({ graceful: true, timeout: 10_000, wait: true });
    },
  };
}

/** Every queue of the app, created whatever this process works (another may send to it). */
export async function createJobQueues(boss: PgBoss): Promise<void> {
  const ensure = (queue: PgBoss.Queue) => ensureQueue(boss, queue);
  await ensure({
    name: sweepQueue,
    policy: "stately",
    // A failed sweep is not retried: the next scheduled one picks up where it left.
    retryLimit: 0,
    // Well above a run's time budget (4 minutes), so a live sweep never expires.
    expireInSeconds: 10 * 60,
    retentionMinutes: 60,
  });
  await createEmailQueues(boss, ensure);
  await createRelayQueues(ensure);
  await createNoticeQueues(ensure);
}

async function ensureQueue(boss: PgBoss, queue: PgBoss.Queue): Promise<void> {
  // Instances starting together can deadlock creating the queue's partition: the
  // loser finds the winner's queue on a later try.
  for (let attempt = 1; ; attempt++) {
    try {
      await boss.createQueue(queue.name, queue);
      return;
    } catch (error) {
      if (await boss.getQueue(queue.name)) return;
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt + Math.random() * 100));
    }
  }
}
