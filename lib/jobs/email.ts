import "server-only";
import type PgBoss from "pg-boss";
import { listOverdueOutboxIds } from "@/db/queries/outbox";
import { defaultOutboxSettings, deliverOutboxRow, type OutboxSettings } from "@/lib/mail/outbox";

/** One job per try of one outbox row. */
export const emailQueue = "email-send";
/** Every minute: re-queues outbox rows whose job was lost (a crash between commit and queue). */
export const outboxSweepQueue = "email-outbox-sweep";

export type EmailJobOptions = {
  outbox?: Partial<OutboxSettings>;
  pollingIntervalSeconds?: number;
  /** A pending row this long past due counts as having lost its job. */
  overdueGraceSeconds?: number;
};

type EmailJob = { id: string };

/** Creates the email queues; safe to call from every instance at once (see queue.ts). */
export async function createEmailQueues(
  boss: PgBoss,
  ensure: (options: PgBoss.Queue) => Promise<void>,
): Promise<void> {
  // A job's own retries cover a crash inside it; the outbox row counts and spaces the
  // SMTP tries (each a new job started after the row's backoff).
  await ensure({
    name: emailQueue,
    policy: "standard",
    retryLimit: 2,
    retryDelay: 10,
    expireInSeconds: 300,
    retentionMinutes: 60 * 24,
  });
  await ensure({
    name: outboxSweepQueue,
    policy: "stately",
    retryLimit: 0,
    expireInSeconds: 120,
    retentionMinutes: 60,
  });
}

/** Queues one try of each row, now or after `startAfterSeconds`. */
export async function sendEmailJobs(boss: PgBoss, ids: string[], startAfterSeconds = 0) {
  for (const id of ids) {
    await boss.send(
      emailQueue,
      { id } satisfies EmailJob,
      startAfterSeconds > 0 ? { startAfter: startAfterSeconds } : {},
    );
  }
}

/** Works the email queue and schedules the outbox sweep in this process. */
export async function startEmailWorkers(boss: PgBoss, options: EmailJobOptions = {}) {
  await boss.work<EmailJob>(
    emailQueue,
    { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1 },
    async ([job]) => {
      if (!job?.data.id) return { outcome: "no id" };
      const result = await deliverOutboxRow(job.data.id, {
        ...defaultOutboxSettings,
        ...options.outbox,
      });
      if (result.outcome === "retry")
        await sendEmailJobs(boss, [job.data.id], result.retryInSeconds);
      // The job's output (kept by pg-boss) is the outcome only: no address, no content.
      return { outcome: result.outcome };
    },
  );
  await boss.schedule(outboxSweepQueue, "* * * * *", {}, { tz: "UTC" });
  await boss.work(outboxSweepQueue, { pollingIntervalSeconds: 10, batchSize: 1 }, async () => {
    const ids = await listOverdueOutboxIds(options.overdueGraceSeconds ?? 120, 200);
    await sendEmailJobs(boss, ids);
    return { requeued: ids.length };
  });
}
