import "server-only";
import PgBoss from "pg-boss";
import { getEnv } from "@/lib/env";
import { errorFacts, logFor } from "@/lib/log";
import { sendEmailJobs } from "./email";
import { relayDispatchQueue, sendRelayJobs } from "./relay";
import { createJobQueues } from "./queue";
import { runningJobQueue } from "./start";

type Holder = { __purwantaraJobSender?: Promise<PgBoss> };
const holder = globalThis as typeof globalThis & Holder;

/**
 * A pg-boss that only sends jobs (no workers, no schedules), for a process that does
 * not run jobs itself (JOBS=off, or a test). One per process.
 */
function senderBoss(): Promise<PgBoss> {
  holder.__purwantaraJobSender ??= (async () => {
    const boss = new PgBoss({
      connectionString: getEnv().databaseUrl,
      application_name: "purwantara-job-sender",
      max: 2,
      supervise: false,
      schedule: false,
      migrate: true,
    });
    boss.on("error", (error: Error) =>
      logFor("jobs").error({ err: errorFacts(error) }, "pg-boss sender error"),
    );
    await boss.start();
    await createJobQueues(boss);
    return boss;
  })().catch((error: unknown) => {
    holder.__purwantaraJobSender = undefined;
    throw error;
  });
  return holder.__purwantaraJobSender;
}

/**
 * Queues a try of each outbox row just committed. A failure here loses nothing: the
 * row is on disk, and the outbox sweep (every minute, any instance) queues it later.
 */
export async function queueEmailJobs(ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  try {
    const boss = runningJobQueue()?.boss ?? (await senderBoss());
    await sendEmailJobs(boss, ids);
  } catch (error) {
    logFor("jobs").error(
      { emails: ids.length, err: errorFacts(error) },
      "could not queue email now; the outbox sweep will",
    );
  }
}

/** Stops this process's sender (tests, and a script that queued email before exiting). */
export async function stopJobSender(): Promise<void> {
  const pending = holder.__purwantaraJobSender;
  holder.__purwantaraJobSender = undefined;
  await (await pending?.catch(() => undefined))?.stop({ graceful: false, wait: true });
}

/**
 * After a commit that wrote relay deliveries: asks for a dispatch, which queues a try
 * of each that can go now. A failure loses nothing: the dispatch runs every minute.
 */
export async function queueRelayDispatch(): Promise<void> {
  try {
    const boss = runningJobQueue()?.boss ?? (await senderBoss());
    await boss.send(relayDispatchQueue, {});
  } catch (error) {
    logFor("jobs").error(
      { err: errorFacts(error) },
      "could not queue relay dispatch now; the minute's dispatch will",
    );
  }
}

/**
 * Queues a try of each relay delivery just committed (a replay, a test event). A
 * failure loses nothing: the row is pending and due, and the minute's dispatch finds it.
 */
export async function queueRelayTries(ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  try {
    const boss = runningJobQueue()?.boss ?? (await senderBoss());
    await sendRelayJobs(boss, ids);
  } catch (error) {
    logFor("jobs").error(
      { deliveries: ids.length, err: errorFacts(error) },
      "could not queue relay tries now; the minute's dispatch will",
    );
  }
}
