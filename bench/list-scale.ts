/**
 * Bench section (issue 15): the list's page and totals queries at BENCH_ROWS (1,000,000)
 * rows written by `db:seed` in time order (oldest first, as real traffic arrives) beside
 * the same rows in random order, two databases on one server, in the same run: each
 * query is timed on one and then the other (which goes first alternates), p50/p95 each.
 * BENCH_PLANS=1 prints the plan of every app query over the aim on time-ordered rows.
 * BENCH_KEEP=1 keeps the two databases (and reuses them when they hold BENCH_ROWS rows),
 * so a change of query or index is measured again without seeding again.
 * Alone: `tsx --conditions=react-server bench/list-scale.ts`.
 */
import pg from "pg";
import { findFreePort } from "../tools/embedded-postgres";
import { runMigrations } from "../db/migrate";
import type { SeedOrder } from "../tools/seed/created-times";
import { seedTransactions } from "../tools/seed/transactions";
import { connectDatabaseServer, type DatabaseServer } from "../tools/database-server";
import { explain, listQueries, queryAimMs, runsFor, timeQuery, type Timed } from "./list-queries";

const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
const keep = process.env.BENCH_KEEP === "1";
/** Planner statistics, and the visibility map the covering indexes answer from. */
const vacuumAnalyze = "vacuum (analyze) transactions, transaction_search";

async function rowCount(client: pg.Client): Promise<number> {
  const result = await client.query<{ n: string }>("select count(*) as n from transactions");
  return Number(result.rows[0]!.n);
}

/** A migrated database of `rows` seeded transactions in `order`, and a client on it. */
async function dataset(server: DatabaseServer, order: SeedOrder): Promise<pg.Client> {
  const name = keep
    ? `purwantara_bench_scale_${order}`
    : `purwantara_bench_${order}_${process.pid}`;
  if (keep) {
    await server.ensureDatabase(name);
    await runMigrations(server.urlFor(name));
    const client = new pg.Client({ connectionString: server.urlFor(name) });
    await client.connect();
    if ((await rowCount(client)) === rows) {
      // Statistics and the visibility map for whatever the migrations just added.
      await client.query(vacuumAnalyze);
      console.log(`${order} order: reusing ${name} (${rows} rows)`);
      return client;
    }
    await client.end();
  }
  await server.dropDatabase(name);
  await server.ensureDatabase(name);
  await runMigrations(server.urlFor(name));
  const client = new pg.Client({ connectionString: server.urlFor(name) });
  await client.connect();
  const seeded = await seedTransactions(client, { rows, mode: "local", order });
  const t0 = performance.now();
  await client.query(vacuumAnalyze);
  console.log(
    `${order} order: seeded ${rows} rows in ${seeded.seconds.toFixed(0)} s (${Math.round(rows / seeded.seconds)} rows/s), vacuum analyze ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );
  return client;
}

type Row = {
  query: string;
  kind: string;
  "time p50": number;
  "time p95": number;
  "random p50": number;
  "random p95": number;
  rows: string;
  aim: string;
};

function tableRow(name: string, kind: string, time: Timed, random: Timed): Row {
  return {
    query: name,
    kind,
    "time p50": time.p50,
    "time p95": time.p95,
    "random p50": random.p50,
    "random p95": random.p95,
    rows: time.rows === random.rows ? String(time.rows) : `${time.rows} / ${random.rows}`,
    aim: kind === "baseline" ? "" : time.p95 < queryAimMs ? "ok" : "MISS",
  };
}

async function compare(time: pg.Client, random: pg.Client): Promise<Row[]> {
  const [a, b] = [await listQueries(time, rows), await listQueries(random, rows)];
  const table: Row[] = [];
  for (const [i, q] of a.entries()) {
    const other = b[i]!;
    const runs = runsFor(q.kind);
    // Alternate which dataset goes first, so a load change on a shared machine favours neither.
    const onTime = () => timeQuery(time, q.query, runs);
    const onRandom = () => timeQuery(random, other.query, runs);
    let ta: Timed;
    let tb: Timed;
    if (i % 2 === 0) {
      ta = await onTime();
      tb = await onRandom();
    } else {
      tb = await onRandom();
      ta = await onTime();
    }
    table.push(tableRow(q.name, q.kind, ta, tb));
  }
  if (process.env.BENCH_PLANS) {
    for (const [i, q] of a.entries()) {
      if (process.env.BENCH_PLANS === "all" || table[i]!.aim === "MISS")
        console.log(
          `\nEXPLAIN ANALYZE (time-ordered) — ${q.name}\n${await explain(time, q.query)}`,
        );
    }
  }
  return table;
}

export async function benchListScale(server: DatabaseServer): Promise<void> {
  const clients: pg.Client[] = [];
  try {
    clients.push(await dataset(server, "time"), await dataset(server, "random"));
    const [time, random] = clients as [pg.Client, pg.Client];
    const table = await compare(time, random);
    console.log(
      `\nlist and totals queries on ${rows} rows, time-ordered vs random order, ${runsFor("list")} runs each (ms; aim: p95 < ${queryAimMs} on time-ordered)`,
    );
    console.table(table);
    const misses = table.filter((r) => r.aim === "MISS").map((r) => r.query);
    console.log(
      misses.length ? `over the aim: ${misses.join("; ")}` : "every query within the aim",
    );
  } finally {
    for (const client of clients) {
      const name = client.database!;
      await client.end().catch(() => {});
      if (!keep) await server.dropDatabase(name);
    }
  }
}

const isMain = process.argv[1]?.endsWith("bench/list-scale.ts");
if (isMain) {
  const server = await connectDatabaseServer(process.env.DATABASE_URL, {
    dataDir: ".data/pg-bench-scale",
    port: await findFreePort(),
  });
  try {
    await benchListScale(server);
  } finally {
    await server.stop();
  }
}
