import "server-only";
import type PgBoss from "pg-boss";
import { listSendableRelayIds } from "@/db/queries/relay-deliveries";
import { deliverRelayRow } from "@/lib/relay/deliver";
import { defaultRelaySettings, type RelaySettings } from "@/lib/relay/policy";
import { rowTryQueue, sendRowTries, workRowTries } from "./row-tries";

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

/** Creates the relay queues; safe to call from every instance at once (see queue.ts). */
export async function createRelayQueues(
  ensure: (options: PgBoss.Queue) => Promise<void>,
): Promise<void> {
  await ensure(rowTryQueue(relaySendQueue));
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
  await sendRowTries(boss, relaySendQueue, ids, startAfterSeconds);
}

/** Works the relay queues and schedules the dispatch every minute in this process. */
export async function startRelayWorkers(boss: PgBoss, options: RelayJobOptions = {}) {
  const settings = { ...defaultRelaySettings, ...options.relay };
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  await workRowTries(boss, {
    queue: relaySendQueue,
    pollingIntervalSeconds,
    tryRow: (id) => deliverRelayRow(id, settings),
    // A payment's next event waits for this one: look again now that it is done.
    afterTry: async (result) => {
      if (result.outcome === "delivered" || result.outcome === "failed")
        await boss.send(relayDispatchQueue, {});
    },
  });
  await boss.schedule(relayDispatchQueue, "* * * * *", {}, { tz: "UTC" });
  await boss.work(relayDispatchQueue, { pollingIntervalSeconds, batchSize: 1 }, async () => {
    const ids = await listSendableRelayIds(500);
    await sendRelayJobs(boss, ids);
    return { queued: ids.length };
  });
}
