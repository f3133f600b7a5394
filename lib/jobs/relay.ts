import "server-only";
import type PgBoss from "pg-boss";
import { listSendableRelayIds } from "@/db/queries/relay-deliveries";
import { deliverRelayRow } from "@/lib/relay/deliver";
import { defaultRelaySettings, type RelaySettings } from "@/lib/relay/policy";

/** One job per try of one relay delivery. */
export const relaySendQueue = "relay-send";
/**
 * Queues a try of every delivery that can go now: after a commit that wrote events,
 * after a delivery ends (its payment's next event may go), and every minute (a lost job).
 */
export const relayDispatchQueue = "relay-dispatch";

export type RelayJobOptions = {
  relay?: Partial<RelaySettings>;
  pollingIntervalSeconds?: number;
};

type RelayJob = { id: string };

/** Creates the relay queues; safe to call from every instance at once (see queue.ts). */
export async function createRelayQueues(
  ensure: (options: PgBoss.Queue) => Promise<void>,
): Promise<void> {
  // The row counts and spaces the HTTP tries (each a new job after the row's backoff);
  // the job's own retries cover only a crash inside it.
  await ensure({
    name: relaySendQueue,
    policy: "standard",
    retryLimit: 2,
    retryDelay: 10,
    expireInSeconds: 300,
    retentionMinutes: 60 * 24,
  });
  // Stately: one dispatch runs and one waits, however many ask for it.
  await ensure({
    name: relayDispatchQueue,
    policy: "stately",
    retryLimit: 0,
    expireInSeconds: 120,
    retentionMinutes: 60,
  });
}

/** Queues one try of each row, now or after `startAfterSeconds`. */
export async function sendRelayJobs(boss: PgBoss, ids: string[], startAfterSeconds = 0) {
  for (const id of ids) {
    await boss.send(
      relaySendQueue,
      { id } satisfies RelayJob,
      startAfterSeconds > 0 ? { startAfter: startAfterSeconds } : {},
    );
  }
}

/** Works the relay queues and schedules the dispatch every minute in this process. */
export async function startRelayWorkers(boss: PgBoss, options: RelayJobOptions = {}) {
  const settings = { ...defaultRelaySettings, ...options.relay };
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  await boss.work<RelayJob>(
    relaySendQueue,
    { pollingIntervalSeconds, batchSize: 1 },
    async ([job]) => {
      if (!job?.data.id) return { outcome: "no id" };
      const result = await deliverRelayRow(job.data.id, settings);
      if (result.outcome === "retry")
        await sendRelayJobs(boss, [job.data.id], result.retryInSeconds);
      // A payment's next event waits for this one: look again now that it is done.
      if (result.outcome === "delivered" || result.outcome === "failed")
        await boss.send(relayDispatchQueue, {});
      // The job's output (kept by pg-boss) is the outcome only: no URL, no answer.
      return { outcome: result.outcome };
    },
  );
  await boss.schedule(relayDispatchQueue, "* * * * *", {}, { tz: "UTC" });
  await boss.work(relayDispatchQueue, { pollingIntervalSeconds, batchSize: 1 }, async () => {
    const ids = await listSendableRelayIds(500);
    await sendRelayJobs(boss, ids);
    return { queued: ids.length };
  });
}
