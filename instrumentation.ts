/**
 * Runs once per server process, in `next dev` and `npm start` (never during
 * `next build`). The Node.js part (request stamping for the sign-in limits) lives in
 * instrumentation-node.ts, the request log (one line per request, with its id) in
 * lib/http/request-log.ts; the background jobs (the status sweep) start unless
 * JOBS=off. The callback inbox's drainer runs in every process whatever JOBS says:
 * a delivery left by a stopped instance is applied by the others. `npm start` stops
 * both and closes the pools after its last request (lib/ops/shutdown.ts). Imports are dynamic and behind the runtime check so pg-boss never
 * reaches an edge or client bundle.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // A bad environment (APP_URL missing in production, say) stops the server now,
  // naming the variable, instead of failing every request later.
  const { EnvError } = await import("./lib/env-schema");
  try {
    (await import("./lib/env")).getEnv();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  await import("./instrumentation-node");
  const { errorFacts, logFor } = await import("./lib/log");
  (await import("./db/client")).onPoolError((pool, error) =>
    logFor("db").error({ pool, err: errorFacts(error) }, "pg pool error"),
  );
  (await import("./db/read-replica")).onReplicaChange((from, to) =>
    logFor("db").warn(
      { from, to: to.kind, lagSeconds: "lagSeconds" in to ? to.lagSeconds : null },
      to.kind === "in-use"
        ? "finance reads use the read replica"
        : "finance reads fall back to the primary",
    ),
  );
  (await import("./lib/http/request-log")).installRequestLog();
  const { startInboxDrainer, stopInboxDrainer } = await import("./lib/webhooks/inbox");
  startInboxDrainer();
  // No new applies from the signal on; those running finish (lib/ops/shutdown.ts).
  process.once("SIGTERM", () => void stopInboxDrainer());
  const { startBackgroundJobs } = await import("./lib/jobs/start");
  startBackgroundJobs();
  (await import("./lib/ops/shutdown")).registerShutdown();
}
