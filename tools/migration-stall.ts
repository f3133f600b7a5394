/**
 * `tsx tools/migration-stall.ts [--rows 1000000] [--admin postgres://…/postgres] [--reuse]`:
 * the longest write stall while migrations 0023–0027 (the ones that build on
 * `transactions`) run over a big table with writes going on.
 *
 * Seeds a database at migration 0022 with `--rows` transactions (db/seed, kept with
 * --reuse), then, each on a fresh copy of it, runs a writer (two connections, each
 * inserting a payment and updating an old one, over and over) and meanwhile:
 * - nothing (the baseline stall);
 * - the migrations as drizzle's migrator ran them: all in one transaction, no index
 *   built concurrently (the "before");
 * - the migrations as db/migrator.ts runs them now (the "after").
 * Prints, per run, how long the migrations took and the writes' longest and 99th
 * percentile latency inside that window.
 */
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { applyMigrations, readMigrations, type Migration } from "../db/migrator";
import { seedTransactions } from "../tools/seed/transactions";

const before = "0022_list_plans";
const through = "0027_maybe_paid_twice";
const seedDb = "purwantara_stall_seed";
const runDb = "purwantara_stall_run";
const migrations = readMigrations(fileURLToPath(new URL("../drizzle", import.meta.url)));

function urlFor(admin: string, database: string): string {
  const url = new URL(admin);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function seed(admin: string, rows: number, reuse: boolean): Promise<void> {
  const exists = await withClient(admin, async (c) =>
    Boolean((await c.query("select 1 from pg_database where datname = $1", [seedDb])).rowCount),
  );
  if (exists && reuse) return console.log(`reusing ${seedDb}`);
  await withClient(admin, async (c) => {
    await c.query(`drop database if exists ${seedDb} with (force)`);
    await c.query(`create database ${seedDb}`);
  });
  await withClient(urlFor(admin, seedDb), async (c) => {
    await applyMigrations(c, migrations, { until: before });
    // The seeder writes every channel of today; DANA's enum value comes with 0028.
    await c.query("alter type transaction_channel add value if not exists 'ewallet-dana'");
    const t0 = performance.now();
    await seedTransactions(c, {
      rows,
      mode: "sandbox",
      onBatch: (done) => process.stdout.write(`\r  seeded ${done} / ${rows}`),
    });
    process.stdout.write("\n");
    await c.query("vacuum (analyze) transactions, transaction_search");
    console.log(`seeded in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  });
}

type Write = { start: number; ms: number };

/** Two connections writing until `stop` resolves; every write's start and latency. */
function startWriter(url: string): { stop: () => Promise<Write[]> } {
  const writes: Write[] = [];
  let running = true;
  const loop = async () =>
    withClient(url, async (c) => {
      const old = (
        await c.query<{ id: string }>(
          "select id from transactions tablesample system (1) where mode = 'sandbox' limit 500",
        )
      ).rows.map((r) => r.id);
      let i = 0;
      while (running) {
        const start = performance.now();
        const { rows } = await c.query<{ id: string }>(
          `insert into transactions (mode, channel, external_id, amount, state, customer_name, customer_phone)
           values ('sandbox', 'qris', $1, 150000, 'active', 'Stall Writer', '081200000000') returning id`,
          [`stall-${randomUUID()}`],
        );
        await c.query("update transactions set state = 'paid', paid_at = now() where id = $1", [
          rows[0]!.id,
        ]);
        await c.query("update transactions set updated_at = now() where id = $1", [
          old[i++ % old.length],
        ]);
        writes.push({ start, ms: performance.now() - start });
      }
    });
  const loops = [loop(), loop()];
  return {
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return writes;
    },
  };
}

/** drizzle's migrator before: every pending migration in one transaction, none concurrent. */
async function inOneTransaction(c: pg.Client, pending: Migration[]): Promise<void> {
  await c.query("begin");
  for (const m of pending) {
    for (const s of m.statements) await c.query(s.replace(/\bconcurrently\b/gi, ""));
    await c.query(
      `insert into drizzle.__drizzle_migrations ("hash", "created_at") values ($1, $2)`,
      [m.hash, m.folderMillis],
    );
  }
  await c.query("commit");
}

const runs = {
  baseline: async () => new Promise<void>((resolve) => setTimeout(resolve, 20_000)),
  "one transaction (before)": (c: pg.Client) => {
    const from = migrations.findIndex((m) => m.tag === before) + 1;
    const to = migrations.findIndex((m) => m.tag === through) + 1;
    return inOneTransaction(c, migrations.slice(from, to));
  },
  "db/migrator.ts (after)": async (c: pg.Client) => {
    await applyMigrations(c, migrations, {
      until: through,
      onApplied: (tag, ms) =>
        windows.push({ tag, from: performance.now() - ms, to: performance.now() }),
    });
  },
};

/** Each migration's time span in the last run (db/migrator.ts reports them). */
const windows: { tag: string; from: number; to: number }[] = [];

function perMigration(writes: Write[]): void {
  for (const w of windows.splice(0)) {
    const overlapping = writes.filter((x) => x.start <= w.to && x.start + x.ms >= w.from);
    const longest = Math.max(0, ...overlapping.map((x) => x.ms));
    console.log(
      `    ${w.tag}: ${((w.to - w.from) / 1000).toFixed(1)} s, longest write ${longest.toFixed(0)} ms`,
    );
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

async function measure(admin: string, name: string, run: (c: pg.Client) => Promise<void>) {
  await withClient(admin, async (c) => {
    await c.query(`drop database if exists ${runDb} with (force)`);
    await c.query(`create database ${runDb} template ${seedDb}`);
  });
  const url = urlFor(admin, runDb);
  const writer = startWriter(url);
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const t0 = performance.now();
  await withClient(url, run);
  const t1 = performance.now();
  const all = await writer.stop();
  const writes = all.filter((w) => w.start + w.ms >= t0 && w.start <= t1);
  const ms = writes.map((w) => w.ms).sort((a, b) => a - b);
  console.log(
    `${name}: ${((t1 - t0) / 1000).toFixed(1)} s, ${ms.length} writes, ` +
      `longest ${(ms.at(-1) ?? 0).toFixed(0)} ms, p99 ${percentile(ms, 99).toFixed(0)} ms, ` +
      `median ${percentile(ms, 50).toFixed(1)} ms`,
  );
  perMigration(all);
}

async function main() {
  const { values } = parseArgs({
    options: {
      rows: { type: "string", default: "1000000" },
      admin: { type: "string", default: "postgres://postgres@127.0.0.1:5432/postgres" },
      reuse: { type: "boolean", default: false },
    },
  });
  const admin = values.admin!;
  await seed(admin, Number(values.rows), values.reuse ?? false);
  for (const [name, run] of Object.entries(runs)) await measure(admin, name, run);
  await withClient(admin, (c) => c.query(`drop database if exists ${runDb} with (force)`));
}

main().catch((error: unknown) => {
  console.error("migration-stall:", error instanceof Error ? error.message : error);
  process.exit(1);
});
