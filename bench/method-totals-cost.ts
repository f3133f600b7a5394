/**
 * `npx tsx --conditions=react-server bench/method-totals-cost.ts`: what keeping
 * transaction_method_totals (migration 0024) costs the callback's write, in one run: the
 * statement a PAID callback makes (one unpaid row → paid, with its fee and paid time,
 * its own transaction) and a new payment's insert, timed with the summary's triggers on
 * and, as the baseline, off, in alternating rounds on the same database (BENCH_ROWS,
 * 20,000 seeded rows; DATABASE_URL's server or an embedded one). Prints p50/p95 and the
 * ratios; the database is dropped after.
 */
import pg from "pg";
import { findFreePort } from "../tools/embedded-postgres";
import { runMigrations } from "../db/migrate";
import { seedTransactions } from "../tools/seed/transactions";
import { connectDatabaseServer } from "../tools/database-server";
import { percentile } from "./stats";

const rows = Number(process.env.BENCH_ROWS ?? 20_000);
const perRound = 300;
const rounds = 6;
const triggers = ["transactions_method_totals_insert", "transactions_method_totals_update"];

type Times = { update: number[]; insert: number[] };

async function timed(client: pg.Client, text: string, params: unknown[]): Promise<number> {
  const t0 = performance.now();
  await client.query(text, params);
  return performance.now() - t0;
}

async function round(client: pg.Client, ids: string[], into: Times) {
  for (const id of ids) {
    into.update.push(
      await timed(
        client,
        "update transactions set state = 'paid', paid_at = now(), fee = coalesce(fee, 4000) where id = $1",
        [id],
      ),
    );
    into.insert.push(
      await timed(
        client,
        `insert into transactions (mode, channel, bank, title, amount, raw_status, state)
         values ('local', 'virtual-account', 'BCA', 'Cost', 150000, 'ACTIVE', 'active')`,
        [],
      ),
    );
  }
}

function figures(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  const r = (n: number) => Math.round(n * 100) / 100;
  return { p50: r(percentile(sorted, 50)), p95: r(percentile(sorted, 95)), mean: r(mean) };
}

async function main() {
  const server = await connectDatabaseServer(process.env.DATABASE_URL, {
    dataDir: ".data/pg-bench",
    port: await findFreePort(),
  });
  const database = `purwantara_bench_cost_${process.pid}`;
  await server.ensureDatabase(database);
  const client = new pg.Client({ connectionString: server.urlFor(database) });
  try {
    await runMigrations(server.urlFor(database));
    await client.connect();
    await seedTransactions(client, { rows, mode: "local" });
    await client.query("vacuum (analyze) transactions");
    const ids = (
      await client.query<{ id: string }>(
        "select id from transactions where state <> 'paid' order by random() limit $1",
        [perRound * rounds],
      )
    ).rows.map((r) => r.id);
    const on: Times = { update: [], insert: [] };
    const off: Times = { update: [], insert: [] };
    for (let i = 0; i < rounds; i++) {
      // Alternate, so a load change on a shared machine favours neither.
      const enabled = i % 2 === 0;
      for (const name of triggers)
        await client.query(
          `alter table transactions ${enabled ? "enable" : "disable"} trigger ${name}`,
        );
      await round(client, ids.slice(i * perRound, (i + 1) * perRound), enabled ? on : off);
    }
    const ratio = (a: number[], b: number[]) => +(figures(a).mean / figures(b).mean).toFixed(2);
    console.log(
      `write cost of transaction_method_totals, ${(perRound * rounds) / 2} writes each (ms)`,
    );
    console.table({
      "paid update, summary kept": figures(on.update),
      "paid update, baseline (triggers off)": figures(off.update),
      "insert, summary kept": figures(on.insert),
      "insert, baseline (triggers off)": figures(off.insert),
    });
    console.log("ratios (mean, kept / baseline):", {
      update: ratio(on.update, off.update),
      insert: ratio(on.insert, off.insert),
    });
  } finally {
    await client.end().catch(() => {});
    await server.dropDatabase(database);
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
