import type PgBoss from "pg-boss";

/**
 * The shape both outboxes share (email_outbox, relay_deliveries): a row is claimed
 * with a lease before a try (so one runner sends it), and each try is its own pg-boss
 * job, queued again after the row's backoff when the try asks for it. The row counts
 * and spaces the tries; the job's own retries cover only a crash inside it.
 */

/** How far apart the tries go: doubling from the base, capped. */
export type Backoff = { retryBaseSeconds: number; retryMaxSeconds: number };

/** The wait after the `tries`-th failed try: doubling from the base, capped. */
export function backoffSeconds(tries: number, backoff: Backoff): number {
  return Math.min(backoff.retryBaseSeconds * 2 ** Math.max(0, tries - 1), backoff.retryMaxSeconds);
}

/** A queue of one job per try of one row. */
export function rowTryQueue(name: string): PgBoss.Queue {
  return {
    name,
    policy: "standard",
    retryLimit: 2,
    retryDelay: 10,
    expireInSeconds: 300,
    retentionMinutes: 60 * 24,
  };
}

type RowJob = { id: string };

/** Queues one try of each row, now or after `startAfterSeconds`. */
export async function sendRowTries(
  boss: PgBoss,
  queue: string,
  ids: string[],
  startAfterSeconds = 0,
): Promise<void> {
  for (const id of ids) {
    await boss.send(
      queue,
      { id } satisfies RowJob,
      startAfterSeconds > 0 ? { startAfter: startAfterSeconds } : {},
    );
  }
}

/** What a try tells the worker: its outcome, and when to try again if it should be. */
export type RowTryOutcome = { outcome: string; retryInSeconds?: number };

/**
 * Works `queue`: each job is one try of its row (`tryRow` claims it first); a try that
 * asks for another is queued after its wait; `afterTry` runs with every result. The
 * job's output (kept by pg-boss) is the outcome only: no address, URL or content.
 */
export async function workRowTries<R extends RowTryOutcome>(
  boss: PgBoss,
  options: {
    queue: string;
    pollingIntervalSeconds: number;
    tryRow: (id: string) => Promise<R>;
    afterTry?: (result: R) => Promise<void>;
  },
): Promise<void> {
  await boss.work<RowJob>(
    options.queue,
    { pollingIntervalSeconds: options.pollingIntervalSeconds, batchSize: 1 },
    async ([job]) => {
      if (!job?.data.id) return { outcome: "no id" };
      const result = await options.tryRow(job.data.id);
      if (result.retryInSeconds !== undefined)
        await sendRowTries(boss, options.queue, [job.data.id], result.retryInSeconds);
      await options.afterTry?.(result);
      return { outcome: result.outcome };
    },
  );
}
