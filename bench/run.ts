/**
 * `npm run bench`: figures for the paths that carry money, against the built app
 * (`next start`) and a real PostgreSQL (DATABASE_URL, or an embedded server).
 *   1. callback ingest: signed PAID deliveries over HTTP, BENCH_CONCURRENCY at a time
 *      (a closed loop), in the same run as two baselines doing the same job (the same
 *      HMAC, then ONE SQL statement: dedupe insert + state update in one CTE):
 *      a. a route handler (a Fetch API Request in, a Response out) on the bench's own
 *         server (bench/baseline-server.ts, POST /one-statement), never part of the app;
 *      b. bare node:http on the same server (POST /), the machine's ceiling;
 *      in BENCH_ROUNDS rounds, alternating, with the ratios real/one-statement and real/bare
 *   2. an open loop: BENCH_RATE callbacks per second offered at a steady rate for
 *      BENCH_SECONDS, latency counted from when each was due (no coordinated omission)
 *   3. repeated deliveries: the same delivery ids again (all must be duplicates)
 *   4. finance (bench/finance-*.ts, route-javascript.ts): 304 polls/s against
 *      /api/health, callback-to-row-visible in Chromium, export of every row (rows/s,
 *      app peak memory), and each finance route's gzipped JavaScript at first paint
 *   5. the list's queries (bench/list-scale.ts: every filter, search, cursor vs OFFSET
 *      1,000 pages deep, totals) with p50/p95 at BENCH_ROWS (1,000,000) rows written in
 *      time order beside the same in random order, its own process
 *   6. the overview and the settlement view at a seeded million rows (bench/overview.ts,
 *      its own process: the app's modules need the react-server condition)
 *   7. money in (bench/burst.ts): a burst of payments the app does not hold, against one
 *      and two app processes, and callbacks during a sign-in flood
 * Prints figures; asserts nothing about speed. BENCH_ROWS (100,000 for sections 1–4,
 * 1,000,000 for 5) scales the run down or up.
 */
import { spawnSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import pg from "pg";
import { findFreePort } from "../tools/embedded-postgres";
import { runMigrations } from "../db/migrate";
import { seedTransactions } from "../tools/seed/transactions";
import { connectDatabaseServer } from "../tools/database-server";
import { callbackBody } from "../testing/callbacks";
import { ProcessGroup, waitForHttp } from "../scripts/processes";
import { fire, median, offer, type Figures } from "./callback-load";
import { browserSession, liveLatency, pollFigures } from "./finance-browser";
import { exportFigures } from "./finance-export";
import { routeBudgetKB, routeJavaScript } from "./route-javascript";

const rows = Number(process.env.BENCH_ROWS ?? 100_000);
const deliveries = Number(process.env.BENCH_DELIVERIES ?? 2_000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const rate = Number(process.env.BENCH_RATE ?? 200);
const openSeconds = Number(process.env.BENCH_SECONDS ?? 10);
const warmup = 100;
/** The open payment links the callbacks pay: warm-up, every round of every route, the open loop. */
const callbackTargets = warmup * 3 + deliveries * 3 * rounds + rate * openSeconds;

async function seed(client: pg.Client): Promise<{ uuid: string }[]> {
  // A realistic spread for the finance pages, in time order as traffic arrives (db:seed)…
  await client.query(
    `insert into users (email, name, password_hash, role)
     select 'bench-op-' || g || '@example.com', 'Bench Operator ' || g, 'x', 'operator'
     from generate_series(1, 5) g`,
  );
  await seedTransactions(client, { rows: Math.max(0, rows - callbackTargets), mode: "local" });
  // …then the callback targets, the newest: open payment links the callbacks below pay.
  await client.query(
    `insert into transactions (mode, channel, external_id, purwantara_uuid, title, amount, raw_status, state, created_at)
     select 'local', 'payment-link', 'BENCH-' || g, gen_random_uuid()::text, 'Bench order ' || g, 10000, 'ACTIVE', 'active',
            now() - (g || ' seconds')::interval
     from generate_series(1, $1) g`,
    [callbackTargets],
  );
  await client.query("vacuum (analyze) transactions");
  return (
    await client.query<{ uuid: string }>(
      "select purwantara_uuid as uuid from transactions where external_id like 'BENCH-%' limit $1",
      [callbackTargets],
    )
  ).rows;
}

async function main() {
  // The bench's own build, in .next-bench (not standalone: `next start` and profiles).
  const benchBuild = { ...process.env, PURWANTARA_BENCH_BUILD: "1" };
  if (!existsSync(".next-bench/BUILD_ID") || process.env.BENCH_BUILD === "1")
    spawnSync("next", ["build"], { stdio: "inherit", env: benchBuild });
  const server = await connectDatabaseServer(process.env.DATABASE_URL, {
    dataDir: ".data/pg-bench",
    port: await findFreePort(),
  });
  const database = `purwantara_bench_${process.pid}`;
  const processes = new ProcessGroup();
  await server.dropDatabase(database);
  await server.ensureDatabase(database);
  const client = new pg.Client({ connectionString: server.urlFor(database) });
  try {
    await runMigrations(server.urlFor(database));
    await client.connect();
    console.log(`seeding ${rows} transactions…`);
    const seedStarted = performance.now();
    const targets = await seed(client);
    console.log(`seeded in ${((performance.now() - seedStarted) / 1000).toFixed(0)} s`);
    const port = await findFreePort();
    const barePort = await findFreePort();
    // BENCH_PROFILE=<dir>: the app server writes a V8 CPU profile there when it stops.
    const profile = process.env.BENCH_PROFILE;
    const nextArgs = ["start", "--port", String(port), "--hostname", "127.0.0.1"];
    const app = processes.start(
      "next",
      profile ? process.execPath : "next",
      profile
        ? [
            "--cpu-prof",
            `--cpu-prof-dir=${profile}`,
            "node_modules/next/dist/bin/next",
            ...nextArgs,
          ]
        : nextArgs,
      {
        ...benchBuild,
        NODE_ENV: "production",
        DATABASE_URL: server.urlFor(database),
        AUTH_SECRET: randomBytes(32).toString("hex"),
        APP_URL: `http://127.0.0.1:${port}`,
        PURWANTARA_MODE: "local",
        PURWANTARA_ALLOW_LOCAL_IN_PRODUCTION: "1",
        // The status sweep would ask the (absent) gateway about the seeded rows mid-run.
        JOBS: "off",
      },
    );
    processes.start("baselines", "tsx", ["bench/baseline-server.ts"], {
      ...process.env,
      DATABASE_URL: server.urlFor(database),
      BENCH_PORT: String(barePort),
    });
    const base = `http://127.0.0.1:${port}`;
    const bare = `http://127.0.0.1:${barePort}/`;
    await waitForHttp(`${base}/api/health`, 60_000);
    await waitForHttp(bare, 30_000);
    const items = targets.map((t) => ({
      body: callbackBody({ uuid: t.uuid, status: "PAID" }),
      deliveryId: randomUUID(),
    }));
    let taken = 0;
    const take = (n: number) => items.slice(taken, (taken += n));
    const routes = {
      real: `${base}/api/webhooks/purwantara`,
      oneStatement: `${bare}one-statement`,
      bare,
    } as const;
    // Warm-up: compile paths, fill the pools, let the JIT settle.
    for (const url of Object.values(routes)) await fire(url, take(warmup), concurrency);
    const measured: Record<keyof typeof routes, Figures[]> = {
      real: [],
      oneStatement: [],
      bare: [],
    };
    for (let round = 1; round <= rounds; round++) {
      // Each round in another order, so a load change on a shared machine favours no one.
      const names = Object.keys(routes) as (keyof typeof routes)[];
      const order = names.map((_, i) => names[(i + round - 1) % names.length]!);
      for (const name of order) {
        const result = await fire(routes[name], take(deliveries), concurrency);
        measured[name].push(result);
      }
      const [real, one, raw] = [measured.real, measured.oneStatement, measured.bare].map((m) =>
        m.at(-1)!,
      );
      console.log(`round ${round} (req/s, p50, p99 ms):`, {
        real: [real!.perSecond, real!.p50, real!.p99],
        oneStatement: [one!.perSecond, one!.p50, one!.p99],
        bare: [raw!.perSecond, raw!.p50, raw!.p99],
        ratios: {
          realToOneStatement: +(real!.perSecond / one!.perSecond).toFixed(2),
          realToBare: +(real!.perSecond / raw!.perSecond).toFixed(2),
        },
      });
    }
    const summary = (m: Figures[]) => ({
      perSecond: median(m.map((f) => f.perSecond)),
      p50: median(m.map((f) => f.p50)),
      p99: median(m.map((f) => f.p99)),
      statuses: m.map((f) => f.statuses),
    });
    const real = summary(measured.real);
    const one = summary(measured.oneStatement);
    const raw = summary(measured.bare);
    console.log(
      `\ncallback ingest, signed PAID, new delivery ids, concurrency ${concurrency}, ${deliveries} per round, median of ${rounds} rounds:`,
    );
    console.log("  real route (app/api/webhooks/purwantara)", real);
    console.log("  one-statement route (bench's server)   ", one);
    console.log("  bare node:http, one statement          ", raw);
    console.log("  ratios (req/s):", {
      realToOneStatement: +(real.perSecond / one.perSecond).toFixed(2),
      realToBare: +(real.perSecond / raw.perSecond).toFixed(2),
    });
    const open = await offer(routes.real, take(rate * openSeconds), rate);
    console.log(
      `\nopen loop: ${rate}/s offered for ${openSeconds} s to the real route (latency from when due)`,
      open,
    );
    const repeated = await fire(
      routes.real,
      items.slice(warmup * 3, warmup * 3 + 500),
      concurrency,
    );
    const applied = await client.query("select count(*)::int as n from transaction_events");
    console.log("repeated deliveries (same ids)", { deliveries: 500, ...repeated });
    console.log(
      "events written by the real route (one per distinct delivery, warm-up included)",
      applied.rows[0],
    );

    const session = await browserSession(base, client);
    try {
      console.log("\nlive polls (same run)", await pollFigures(base, session.cookie));
      console.log(
        "\ncallback 200 → row visible in an open filtered table (Chromium)",
        await liveLatency(base, session.page, Number(process.env.BENCH_LIVE_SAMPLES ?? 20)),
      );
      if (process.env.BENCH_EXPORT !== "0") {
        console.log(
          `\nexport of every row (${rows}), streamed`,
          await exportFigures(base, session.cookie, app.pid!),
        );
      }
      console.log(
        `\nbrowser JavaScript per finance route at first paint (KB gzipped, budget ${routeBudgetKB})`,
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

/** A section in its own process, so its imports and database stay its own. */
function runSection(file: string): void {
  const result = spawnSync("tsx", ["--conditions=react-server", file], { stdio: "inherit" });
  if (result.status !== 0) throw new Error(`${file} failed (${result.status})`);
}

main()
  .then(() => runSection("bench/list-scale.ts"))
  .then(() => runSection("bench/overview.ts"))
  .then(() => runSection("bench/burst.ts"))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
