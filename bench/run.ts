/**
 * `npm run bench`: figures for the paths that carry money, against the built app
 * (`next start`) and a real PostgreSQL (DATABASE_URL, or an embedded server).
 *   1. callback ingest: signed PAID deliveries over HTTP, concurrently
 *   2. repeated deliveries: the same delivery ids again (all must be duplicates)
 *   3. the transactions table's keyset query on a 100k-row table, first and deep pages
 *   4. the overview and the settlement view at a seeded million rows (bench/overview.ts,
 *      its own process: the app's modules need the react-server condition)
 * Prints figures; asserts nothing about speed.
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
  await client.query(
    `insert into transactions (mode, channel, external_id, purwantara_uuid, title, amount, raw_status, state, created_at)
     select 'local', 'payment-link', 'BENCH-' || g, gen_random_uuid()::text, 'Bench order ' || g, 10000 + g, 'ACTIVE', 'active',
            now() - (g || ' seconds')::interval
     from generate_series(1, $1) g`,
    [rows],
  );
  await client.query("analyze transactions");
  return (
    await client.query<{ uuid: string }>(
      "select purwantara_uuid as uuid from transactions limit $1",
      [deliveries],
    )
  ).rows;
}

async function explainMs(client: pg.Client, sql: string, params: unknown[]): Promise<string> {
  const plan = await client.query<{ "QUERY PLAN": string }>(`explain analyze ${sql}`, params);
  const line = plan.rows.map((r) => r["QUERY PLAN"]).find((l) => l.startsWith("Execution Time"));
  return line?.replace("Execution Time: ", "") ?? "?";
}

async function listQueries(client: pg.Client) {
  // The shapes db/queries/transactions.ts sends: no cursor, then a keyset cursor.
  const columns =
    "select id, title, amount, state, created_at from transactions where mode = 'local'";
  const order = "order by created_at desc, id desc limit 51";
  const deep = await client.query<{ created_at: Date; id: string }>(
    "select created_at, id from transactions order by created_at desc, id desc offset $1 limit 1",
    [Math.floor(rows * 0.9)],
  );
  const cursor = deep.rows[0]!;
  return {
    firstPage: await explainMs(client, `${columns} ${order}`, []),
    deepPage: await explainMs(
      client,
      `${columns} and (created_at, id) < ($1::timestamptz, $2::uuid) ${order}`,
      [cursor.created_at, cursor.id],
    ),
  };
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
    const targets = await seed(client);
    const port = await findFreePort();
    processes.start("next", "next", ["start", "--port", String(port), "--hostname", "127.0.0.1"], {
      ...process.env,
      DATABASE_URL: server.urlFor(database),
      AUTH_SECRET: randomBytes(32).toString("hex"),
      PURWANTARA_MODE: "local",
    });
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
    console.log(`transactions list query on ${rows} rows (ms)`, await listQueries(client));
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
  .then(() => runSection("bench/overview.ts"))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
