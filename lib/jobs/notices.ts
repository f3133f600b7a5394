import "server-only";
import type PgBoss from "pg-boss";
import { digestCron } from "@/lib/core/notice-kinds";
import { runNoticeDigest } from "@/lib/notices/digest";
import { runScheduledReports } from "@/lib/notices/reports";
import { runNoticeScan } from "@/lib/notices/scan";
import { sendEmailJobs } from "./email";

/** Every minute: paid, expired, review and day-close moves become notices and receipts. */
export const noticeScanQueue = "notice-scan";
/** Hourly: each person's waiting notices become their digest. */
export const noticeDigestQueue = "notice-digest";
/** Every 15 minutes: the daily recaps (07:00 in each zone) and the monthly statements. */
export const noticeReportsQueue = "notice-reports";

const queues = [
  [noticeScanQueue, "* * * * *"],
  [noticeDigestQueue, digestCron],
  [noticeReportsQueue, "*/15 * * * *"],
] as const;

export async function createNoticeQueues(
  ensure: (options: PgBoss.Queue) => Promise<void>,
): Promise<void> {
  // `stately`: one run active and one waiting; a missed run is caught up by the next.
  for (const [name] of queues)
    await ensure({
      name,
      policy: "stately",
      retryLimit: 0,
      expireInSeconds: 600,
      retentionMinutes: 60,
    });
}

const runs: Record<(typeof queues)[number][0], () => Promise<string[]>> = {
  [noticeScanQueue]: runNoticeScan,
  [noticeDigestQueue]: runNoticeDigest,
  [noticeReportsQueue]: () => runScheduledReports(),
};

/** Schedules and works the notice jobs in this process; each queues its emails after its commit. */
export async function startNoticeWorkers(boss: PgBoss, pollingIntervalSeconds = 10) {
  for (const [name, cron] of queues) {
    await boss.schedule(name, cron, {}, { tz: "UTC" });
    await boss.work(name, { pollingIntervalSeconds, batchSize: 1 }, async () => {
      const ids = await runs[name]();
      await sendEmailJobs(boss, ids);
      // The job's output is a count: no address, no content.
      return { emails: ids.length };
    });
  }
}
