/**
 * `npm run db:seed -- --rows 1000000 [--mode local|sandbox|production] [--order time|random]`:
 * fills the database at DATABASE_URL (else the embedded one `npm run dev` uses, migrated
 * first) with realistic transactions, and prints rows per second. Default mode: local;
 * default order: time (oldest first, as traffic arrives; random for comparison).
 */
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import pg from "pg";
import { prepareLocalDatabase } from "../tools/local-database";
import { seedOrders, type SeedOrder } from "../tools/seed/created-times";
import { seedTransactions } from "../tools/seed/transactions";
import { connectDatabaseServer } from "../tools/database-server";
import { gatewayModes, type GatewayMode } from "@purwantara/contract";

async function main() {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const { values } = parseArgs({
    options: {
      rows: { type: "string", default: "100000" },
      mode: { type: "string", default: "local" },
      order: { type: "string", default: "time" },
    },
  });
  const rows = Number(values.rows);
  if (!Number.isInteger(rows) || rows < 1)
    throw new Error(`--rows must be a positive whole number, not ${values.rows}`);
  if (!(gatewayModes as readonly string[]).includes(values.mode ?? ""))
    throw new Error(`--mode must be one of ${gatewayModes.join(", ")}, not ${values.mode}`);
  const mode = values.mode as GatewayMode;
  if (!(seedOrders as readonly string[]).includes(values.order ?? ""))
    throw new Error(`--order must be one of ${seedOrders.join(", ")}, not ${values.order}`);
  const order = values.order as SeedOrder;

  const server = await connectDatabaseServer(process.env.DATABASE_URL, {
    dataDir: ".data/pg",
    port: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
  });
  const { migrateUrl } = await prepareLocalDatabase(server, process.env.DATABASE_URL);
  const client = new pg.Client({ connectionString: migrateUrl });
  await client.connect();
  try {
    console.log(`seeding ${rows} ${mode} transactions in ${order} order…`);
    const { seconds } = await seedTransactions(client, {
      rows,
      mode,
      order,
      onBatch: (done) => process.stdout.write(`\r  ${done} / ${rows}`),
    });
    process.stdout.write("\n");
    console.log(
      `inserted ${rows} rows in ${seconds.toFixed(1)} s (${Math.round(rows / seconds)} rows/s)`,
    );
    const t0 = performance.now();
    // Statistics for the planner, and the visibility map that lets the overview's
    // covering indexes answer without reading the table.
    await client.query("vacuum (analyze) transactions, transaction_search");
    console.log(`vacuum analyze: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } finally {
    await client.end();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
