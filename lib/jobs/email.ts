import "server-only";
import type PgBoss from "pg-boss";
import { listOverdueOutboxIds } from "@/db/queries/outbox";
import { defaultOutboxSettings, deliverOutboxRow, type OutboxSettings } from "@/lib/mail/outbox";
import { rowTryQueue, sendRowTries, workRowTries } from "./row-tries";

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

/** Creates the email queues; safe to call from every instance at once (see queue.ts). */
export async function createEmailQueues(
  _boss: PgBoss,
  ensure: (options: PgBoss.Queue) => Promise<void>,
): Promise<void> {
  await ensure(rowTryQueue(emailQueue));
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
  await sendRowTries(boss, emailQueue, ids, startAfterSeconds);
}

/** Works the email queue and schedules the outbox sweep in this process. */
export async function startEmailWorkers(boss: PgBoss, options: EmailJobOptions = {}) {
  const settings = { ...defaultOutboxSettings, ...options.outbox };
  await workRowTries(boss, {
    queue: emailQueue,
    pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
    tryRow: (id) => deliverOutboxRow(id, settings),
  });
  await boss.schedule(outboxSweepQueue, "* * * * *", {}, { tz: "UTC" });
  await boss.work(outboxSweepQueue, { pollingIntervalSeconds: 10, batchSize: 1 }, async () => {
    const ids = await listOverdueOutboxIds(options.overdueGraceSeconds ?? 120, 200);
    await sendEmailJobs(boss, ids);
    return { requeued: ids.length };
  });
}
