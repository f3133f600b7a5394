/**
 * Bench section: the overview and the settlement view at a seeded million rows.
 * Runs the app's own functions (lib/payments/overview.ts, reconciliation-view.ts and
 * the db/queries they call) against a database filled by `db:seed`, and prints p50/p95
 * over repeated runs, plus the EXPLAIN ANALYZE plans with BENCH_PLANS=1.
 * Needs the react-server condition (the app's modules import "server-only"):
 * `npm run bench` passes it; alone: `tsx --conditions=react-server bench/overview.ts`.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { findFreePort } from "../tools/embedded-postgres";
import { runMigrations } from "../db/migrate";
import { seedTransactions } from "../tools/seed/transactions";
import { connectDatabaseServer, type DatabaseServer } from "../tools/database-server";
import { percentile } from "./stats";

const seedRows = Number(process.env.BENCH_SEED_ROWS ?? 1_000_000);
const repeats = Number(process.env.BENCH_REPEATS ?? 30);

async function time(name: string, fn: () => Promise<unknown>) {
  await fn(); // warm: plans cached, pages in shared buffers
  const runs: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    await fn();
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  return { name, p50: percentile(runs, 50).toFixed(1), p95: percentile(runs, 95).toFixed(1) };
}

/** Every statement the app sends while `fn` runs, with its parameters, for EXPLAIN. */
async function captured(fn: () => Promise<unknown>) {
  const sent: { text: string; values: unknown[] }[] = [];
  const original = pg.Client.prototype.query;
  // Wraps the driver's query for the duration of `fn` only.
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [config, values] = args as [string | { text: string; values?: unknown[] }, unknown[]?];
    const text = typeof config === "string" ? config : config.text;
    if (/^\s*\(?\s*select/i.test(text))
      sent.push({
        text,
        values: (typeof config === "string" ? values : (config.values ?? values)) ?? [],
      });
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await fn();
  } finally {
    pg.Client.prototype.query = original;
  }
  return sent;
}

async function plans(url: string, statements: { text: string; values: unknown[] }[]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const s of statements) {
      const plan = await client.query<{ "QUERY PLAN": string }>(
        `explain (analyze, buffers) ${s.text}`,
        s.values,
      );
      console.log(`\n${s.text.replace(/\s+/g, " ").slice(0, 160)}…`);
      console.log(plan.rows.map((r) => `  ${r["QUERY PLAN"]}`).join("\n"));
    }
  } finally {
    await client.end();
  }
}

/** Seeds `seedRows` into a fresh database on `server`, then times the finance views. */
export async function benchOverview(server: DatabaseServer): Promise<void> {
  // BENCH_VIEWS_DATABASE_URL: an already seeded database to reuse (kept), else a fresh one.
  const reuse = process.env.BENCH_VIEWS_DATABASE_URL;
  const database = `purwantara_bench_views_${process.pid}`;
  if (!reuse) {
    await server.dropDatabase(database);
    await server.ensureDatabase(database);
  }
  const url = reuse ?? server.urlFor(database);
  try {
    await runMigrations(url);
    if (!reuse) await seed(url);
    // The app's modules read DATABASE_URL on first use of the pool.
    process.env.DATABASE_URL = url;
    process.env.AUTH_SECRET ??= randomBytes(32).toString("hex");
    const overview = await import("../lib/payments/overview");
    const q = await import("../db/queries/overview");
    const settlement = await import("../db/queries/settlement");
    const view = await import("../lib/payments/reconciliation-view");
    const { addDays, zonedDay } = await import("@/lib/core/time");
    const { defaultSettlementDelays } = await import("../lib/payments/settlement-delays");
    const { closeDb } = await import("../db/client");
    const scope = { mode: "local" as const, zone: "Asia/Jakarta" as const };
    const today = zonedDay(new Date(), scope.zone);
    const from = addDays(today, -29);
    const month = today.slice(0, 7);
    const runs = [
      await time("overview (whole page, queries in parallel)", () =>
        overview.getOverview("local", scope.zone),
      ),
      await time("  paid by day, channel and bank, 60 days (periods, chart, channels, banks)", () =>
        q.paidCells(addDays(today, -59), today, scope),
      ),
      await time("  median time to pay per channel", () => q.medianTimeToPay(from, today, scope)),
      await time("  success rate", () => q.successByChannel(from, today, scope)),
      await time("  open + needs review", () => q.openAndReview(scope)),
      await time("settlement view (month page)", () =>
        view.getReconciliationMonth("local", scope.zone, month),
      ),
      await time("  per day and channel, 31 days", () =>
        settlement.settlementByDayAndChannel(addDays(today, -30), today, scope),
      ),
      await time("  overdue by channel", () =>
        settlement.overdueByChannel(today, defaultSettlementDelays, scope),
      ),
      await time("settlement day detail", () =>
        view.getReconciliationDayView("local", scope.zone, addDays(today, -1)),
      ),
    ];
    console.log(`\nfinance views on ${seedRows} rows, ${repeats} runs each (ms)`);
    console.table(runs);
    if (process.env.BENCH_PLANS) {
      await plans(url, await captured(() => overview.getOverview("local", scope.zone)));
      await plans(
        url,
        await captured(() => view.getReconciliationMonth("local", scope.zone, month)),
      );
    }
    await closeDb();
  } finally {
    if (!reuse) await server.dropDatabase(database);
  }
}

async function seed(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    console.log(`\nseeding ${seedRows} transactions with db:seed…`);
    const seeded = await seedTransactions(client, { rows: seedRows, mode: "local" });
    console.log(
      `db:seed: ${Math.round(seeded.rows / seeded.seconds)} rows/s (${seeded.seconds.toFixed(1)} s)`,
    );
    await client.query("vacuum (analyze) transactions");
  } finally {
    await client.end();
  }
}

const isMain = process.argv[1]?.endsWith("bench/overview.ts");
if (isMain) {
  const server = await connectDatabaseServer(process.env.DATABASE_URL, {
    dataDir: ".data/pg-bench-views",
    port: await findFreePort(),
  });
  try {
    await benchOverview(server);
  } finally {
    await server.stop();
  }
}
