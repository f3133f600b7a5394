/**
 * `npm run bench`: figures for the paths that carry money, against the built app
 * (`next start`) and a real PostgreSQL (DATABASE_URL, or an embedded server).
 *   1. callback ingest: signed PAID deliveries over HTTP, concurrently
 *   2. repeated deliveries: the same delivery ids again (all must be duplicates)
 *   3. finance (bench/finance.ts): the list's queries (every filter, search, cursor vs
 *      OFFSET 1,000 pages deep, totals) with p50/p95, 304 polls/s against /api/health,
 *      callback-to-row-visible in Chromium, export of every row (rows/s, app peak
 *      memory), and each finance route's gzipped JavaScript
 * Prints figures; asserts nothing about speed. BENCH_ROWS=1000000 for the scale.
 */
import { spawnSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import pg from "pg";
import { findFreePort } from "../db/embedded";
import { runMigrations } from "../db/migrate";
import { connectDatabaseServer } from "../db/server";
import { callbackBody } from "../lib/testing/callbacks";
import { localCallbackSecret } from "../lib/purwantara/contract";
import { signCallbackBody } from "../lib/purwantara/signature";
import { ProcessGroup, waitForHttp } from "../scripts/processes";
import {
  browserSession,
  exportFigures,
  liveLatency,
  pollFigures,
  queryFigures,
  routeJavaScript,
  seedFinanceRows,
} from "./finance";

const rows = Number(process.env.BENCH_ROWS ?? 100_000);
const deliveries = Number(process.env.BENCH_DELIVERIES ?? 2_000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function fire(url: string, bodies: { body: Buffer; deliveryId: string }[]) {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < bodies.length) {
        const item = bodies[next++]!;
        const t0 = performance.now();
        const response = await fetch(url, {
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            "User-Agent": "PPN-WH",
            "X-PPN-Delivery": item.deliveryId,
            Signature: signCallbackBody(item.body, localCallbackSecret),
          },
          body: new Uint8Array(item.body),
        });
        await response.arrayBuffer();
        latencies.push(performance.now() - t0);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    perSecond: Math.round(bodies.length / seconds),
    p50: percentile(latencies, 50).toFixed(1),
    p95: percentile(latencies, 95).toFixed(1),
    p99: percentile(latencies, 99).toFixed(1),
    statuses: Object.fromEntries(statuses),
  };
}

async function seed(client: pg.Client): Promise<{ uuid: string }[]> {
  // The callback targets: open payment links (the callbacks below pay them)…
  await client.query(
    `insert into transactions (mode, channel, external_id, purwantara_uuid, title, amount, raw_status, state, created_at)
     select 'local', 'payment-link', 'BENCH-' || g, gen_random_uuid()::text, 'Bench order ' || g, 10000, 'ACTIVE', 'active',
            now() - (g || ' seconds')::interval
     from generate_series(1, $1) g`,
    [deliveries],
  );
  // …and the rest a realistic spread for the finance queries.
  const creators = (
    await client.query<{ id: string }>(
      `insert into users (email, name, password_hash, role)
       select 'bench-op-' || g || '@example.com', 'Bench Operator ' || g, 'x', 'operator'
       from generate_series(1, 5) g returning id`,
    )
  ).rows.map((r) => r.id);
  await seedFinanceRows(client, Math.max(0, rows - deliveries), creators);
  return (
    await client.query<{ uuid: string }>(
      "select purwantara_uuid as uuid from transactions where external_id like 'BENCH-%' limit $1",
      [deliveries],
    )
  ).rows;
}

async function main() {
  if (!existsSync(".next/BUILD_ID")) spawnSync("next", ["build"], { stdio: "inherit" });
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
    const app = processes.start(
      "next",
      "next",
      ["start", "--port", String(port), "--hostname", "127.0.0.1"],
      {
        ...process.env,
        DATABASE_URL: server.urlFor(database),
        AUTH_SECRET: randomBytes(32).toString("hex"),
        PURWANTARA_MODE: "local",
      },
    );
    const base = `http://127.0.0.1:${port}`;
    await waitForHttp(`${base}/api/health`, 60_000);
    const bodies = targets.map((t) => ({
      body: callbackBody({ uuid: t.uuid, status: "PAID" }),
      deliveryId: randomUUID(),
    }));
    await fire(`${base}/api/webhooks/purwantara`, bodies.slice(0, 50)); // warm-up: compile paths, fill the pool
    const fresh = await fire(`${base}/api/webhooks/purwantara`, bodies.slice(50));
    const repeated = await fire(`${base}/api/webhooks/purwantara`, bodies.slice(50, 550));
    const applied = await client.query("select count(*)::int as n from transaction_events");
    console.log("\ncallback ingest (signed PAID, new delivery ids)", {
      deliveries: bodies.length - 50,
      concurrency,
      ...fresh,
    });
    console.log("repeated deliveries (same ids)", { deliveries: 500, ...repeated });
    console.log("events written (one per distinct delivery, warm-up included)", applied.rows[0]);

    console.log(`\nqueries on ${rows} rows (ms, the SQL db/queries/transaction-list.ts sends)`);
    console.table(await queryFigures(client, rows));
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
    } finally {
      await session.browser.close();
    }
    console.log("\nbrowser JavaScript per finance route", routeJavaScript());
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
