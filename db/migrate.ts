import { fileURLToPath } from "node:url";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";

const migrationsFolder = fileURLToPath(new URL("../drizzle", import.meta.url));

/** Applies the committed migrations in `drizzle/` with a pool of its own. */
export async function runMigrations(databaseUrl: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    await migrate(drizzle(pool), { migrationsFolder });
  } finally {
    await pool.end();
  }
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(
      "db:migrate: DATABASE_URL is not set (npm run dev migrates the embedded server itself)",
    );
    process.exit(1);
  }
  runMigrations(url)
    .then(() => console.log("db:migrate: migrations applied"))
    .catch((error: unknown) => {
      console.error("db:migrate: failed:", error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
