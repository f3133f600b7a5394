/**
 * `npx tsx --conditions=react-server bench/export-only.ts <database url> [filter query]`:
 * only the export section of `npm run bench`, against a database you already have (e.g.
 * one `npm run db:seed -- --rows 1000000` filled): starts the built app (`next start`,
 * building first if there is no build) on it, signs a finance account in, and exports
 * every row (or the filter's rows) as CSV and XLSX, printing rows per second and the app
 * process's peak memory. It writes a finance user, its session and two audit entries.
 * BENCH_EXPORT_FORMATS=csv (or xlsx) exports one format only.
 * BENCH_APP_NODE_FLAGS gives the app's node flags (e.g. `--trace-gc`), for diagnosis.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import pg from "pg";
import { ProcessGroup } from "../scripts/processes";
import { browserSession } from "./finance-browser";
import { exportFigures } from "./finance-export";
import { startApp } from "./start-app";

async function main() {
  const url = process.argv[2] ?? process.env.DATABASE_URL;
  if (!url) throw new Error("Give the database URL (argument or DATABASE_URL).");
  const query = process.argv[3] ?? "include=not_created";
  const formats = (process.env.BENCH_EXPORT_FORMATS ?? "csv,xlsx").split(",") as ("csv" | "xlsx")[];
  if (!existsSync(".next/BUILD_ID") || process.env.BENCH_BUILD === "1")
    spawnSync("next", ["build"], { stdio: "inherit" });
  const processes = new ProcessGroup();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const flags = (process.env.BENCH_APP_NODE_FLAGS ?? "").split(" ").filter(Boolean);
    const app = await startApp(processes, url, flags);
    const base = app.base;
    const session = await browserSession(base, client);
    // The browser is only the way in: closed before the export, so only the app is measured.
    await session.browser.close();
    console.log(
      `export (${query}), streamed`,
      await exportFigures(base, session.cookie, app.pid, query, formats),
    );
  } finally {
    await client.end().catch(() => {});
    await processes.stopAll();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
