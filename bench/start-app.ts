import { randomBytes } from "node:crypto";
import { findFreePort } from "../tools/embedded-postgres";
import { waitForHttp, type ProcessGroup } from "../scripts/processes";

/**
 * The built app (`next start` from .next) on `databaseUrl`, as the bench's single
 * sections run it: local mode, no background jobs, a fresh secret. `nodeFlags` go to
 * the app's node (e.g. `--trace-gc`). Resolves once /api/health answers.
 */
export async function startApp(
  processes: ProcessGroup,
  databaseUrl: string,
  nodeFlags: string[] = [],
): Promise<{ base: string; pid: number }> {
  const port = await findFreePort();
  const app = processes.start(
    "next",
    process.execPath,
    [
      ...nodeFlags,
      "node_modules/next/dist/bin/next",
      "start",
      "--port",
      String(port),
      "--hostname",
      "127.0.0.1",
    ],
    {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: randomBytes(32).toString("hex"),
      APP_URL: `http://127.0.0.1:${port}`,
      PURWANTARA_MODE: "local",
      PURWANTARA_ALLOW_LOCAL_IN_PRODUCTION: "1",
      JOBS: "off",
    },
  );
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/api/health`, 60_000);
  return { base, pid: app.pid! };
}
