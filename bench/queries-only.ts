/**
 * `npx tsx --conditions=react-server bench/queries-only.ts <database url> [rows]`: only the
 * finance queries section, against a database you already have (seeded here when it
 * holds fewer rows than asked). BENCH_PLANS=1 prints the EXPLAIN ANALYZE plans.
 */
import pg from "pg";
import { queryFigures, seedFinanceRows } from "./finance";

async function main() {
  const url = process.argv[2] ?? process.env.DATABASE_URL;
  const rows = Number(process.argv[3] ?? 100_000);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const have = Number(
      (await client.query<{ n: string }>("select count(*) as n from transactions")).rows[0]!.n,
    );
    if (have < rows) {
      const creators = (
        await client.query<{ id: string }>(
          `insert into users (email, name, password_hash, role)
           select 'seed-op-' || g || '-' || floor(random() * 1e9) || '@example.com', 'Operator ' || g, 'x', 'operator'
           from generate_series(1, 5) g returning id`,
        )
      ).rows.map((r) => r.id);
      const t0 = performance.now();
      await seedFinanceRows(client, rows - have, creators);
      console.log(
        `seeded ${rows - have} rows in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
      );
    }
    console.table(await queryFigures(client, rows));
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
