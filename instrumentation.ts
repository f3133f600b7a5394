/**
 * Runs once per server process, in `next dev` and `next start` (never during
 * `next build`). The Node.js part (request stamping for the sign-in limits) lives in
 * instrumentation-node.ts; the background jobs (the status sweep) start unless
 * JOBS=off. Imports are dynamic and behind the runtime check so pg-boss never
 * reaches an edge or client bundle.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  await import("./instrumentation-node");
  const { startBackgroundJobs } = await import("./lib/jobs/start");
  startBackgroundJobs();
}
