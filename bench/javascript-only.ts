/**
 * `npx tsx --conditions=react-server bench/javascript-only.ts`: only the finance routes'
 * gzipped JavaScript (bench/route-javascript.ts), against the app as `next build` left
 * it in .next, on a fresh database of BENCH_ROWS (2,000) seeded rows (DATABASE_URL's
 * server, or an embedded one). Prints the same table as `npm run bench`.
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import pg from "pg";
import { findFreePort } from "../db/embedded";
import { runMigrations } from "../db/migrate";
import { seedTransactions } from "../db/seed/transactions";
import { connectDatabaseServer } from "../db/server";
import { ProcessGroup, waitForHttp } from "../scripts/processes";
import { browserSession } from "./finance-browser";
import { routeBudgetKB, routeJavaScript } from "./route-javascript";

async function main() {
  if (!existsSync(".next/BUILD_ID")) throw new Error("no build in .next: run `next build` first");
  const server = await connectDatabaseServer(process.env.DATABASE_URL, {
    dataDir: ".data/pg-bench",
    port: await findFreePort(),
  });
  const database = `purwantara_bench_js_${process.pid}`;
  const processes = new ProcessGroup();
  await server.ensureDatabase(database);
  const client = new pg.Client({ connectionString: server.urlFor(database) });
  try {
    await runMigrations(server.urlFor(database));
    await client.connect();
    await seedTransactions(client, {
      rows: Number(process.env.BENCH_ROWS ?? 2_000),
      mode: "local",
    });
    const port = await findFreePort();
    processes.start("next", "next", ["start", "--port", String(port), "--hostname", "127.0.0.1"], {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: server.urlFor(database),
      AUTH_SECRET: randomBytes(32).toString("hex"),
      APP_URL: `http://127.0.0.1:${port}`,
      PURWANTARA_MODE: "local",
      PURWANTARA_ALLOW_LOCAL_IN_PRODUCTION: "1",
      JOBS: "off",
    });
    const base = `http://127.0.0.1:${port}`;
    await waitForHttp(`${base}/api/health`, 60_000);
    const session = await browserSession(base, client);
    try {
      console.log(
        `browser JavaScript per finance route at first paint (KB gzipped, budget ${routeBudgetKB})`,
      );
      console.table(await routeJavaScript(base, session.page));
    } finally {
      await session.browser.close();
    }
  } finally {
    await client.end().catch(() => {});
    await processes.stopAll();
    await server.dropDatabase(database);
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
