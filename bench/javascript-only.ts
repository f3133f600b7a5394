/**
 * `npx tsx --conditions=react-server bench/javascript-only.ts`: only the finance routes'
 * gzipped JavaScript (bench/route-javascript.ts), against the app as `next build` left
 * it in .next, on a fresh database of BENCH_ROWS (2,000) seeded rows (DATABASE_URL's
 * server, or an embedded one). Prints the same table as `npm run bench`.
 */
import { existsSync } from "node:fs";
import pg from "pg";
import { findFreePort } from "../tools/embedded-postgres";
import { runMigrations } from "../db/migrate";
import { seedTransactions } from "../tools/seed/transactions";
import { connectDatabaseServer } from "../tools/database-server";
import { ProcessGroup } from "../scripts/processes";
import { browserSession } from "./finance-browser";
import { routeBudgetKB, routeJavaScript } from "./route-javascript";
import { startApp } from "./start-app";

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
    const { base } = await startApp(processes, server.urlFor(database));
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
