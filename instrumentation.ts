/**
 * Runs once per server process, in `next dev` and `next start` (never during
 * `next build`): starts the background jobs (the status sweep) unless JOBS=off. The
 * import is dynamic and behind the runtime check so pg-boss never reaches an edge or
 * client bundle.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startBackgroundJobs } = await import("./lib/jobs/start");
  startBackgroundJobs();
}
