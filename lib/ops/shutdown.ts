import "server-only";
import { closeDb } from "@/db/client";
import { closeReadReplica } from "@/db/read-replica";
import { stopBackgroundJobs } from "@/lib/jobs/start";
import { stopJobSender } from "@/lib/jobs/enqueue";
import { errorFacts, logFor } from "@/lib/log";
import { stopInboxDrainer } from "@/lib/webhooks/inbox";

type Holder = { __purwantaraShutdown?: () => Promise<boolean> };
const holder = globalThis as typeof globalThis & Holder;

/**
 * The app's part of a graceful stop, after the HTTP server has drained: the inbox
 * drainer finishes the applies it holds (each its own transaction; what it does not
 * reach stays in the inbox for the other instances), the job runner ends its sweep after
 * the row in hand, then every pool closes. True when all of it ended cleanly.
 */
export async function stopApp(): Promise<boolean> {
  const log = logFor("shutdown");
  try {
    await Promise.all([stopInboxDrainer(), stopBackgroundJobs()]);
    await stopJobSender();
    await Promise.all([closeDb(), closeReadReplica()]);
    log.info("inbox drainer and jobs stopped, pools closed");
    return true;
  } catch (error) {
    log.error({ err: errorFacts(error) }, "stop failed");
    return false;
  }
}

/**
 * Hands `stopApp` to `npm start` (scripts/start.mjs, plain JS outside the bundle), which
 * calls it once the HTTP server has no request left. Called from instrumentation.ts.
 */
export function registerShutdown(): void {
  let once: Promise<boolean> | undefined;
  holder.__purwantaraShutdown = () => (once ??= stopApp());
}
