/**
 * `npx tsx --conditions=react-server bench/queries-only.ts <database url> [rows]`: only the
 * list's queries, against a database you already have (topped up by db:seed, in time
 * order, when it holds fewer rows than asked). BENCH_PLANS=1 prints the EXPLAIN ANALYZE
 * plans of the queries over the aim (BENCH_PLANS=all: of every query).
 */
import pg from "pg";
import { seedTransactions } from "../tools/seed/transactions";
import { queryFigures } from "./list-queries";

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
      const seeded = await seedTransactions(client, { rows: rows - have, mode: "local" });
      await client.query("vacuum (analyze) transactions");
      console.log(`seeded ${rows - have} rows in ${seeded.seconds.toFixed(0)} s`);
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
