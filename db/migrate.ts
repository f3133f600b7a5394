import { fileURLToPath } from "node:url";
import pg from "pg";
import { applyMigrations, readMigrations } from "./migrator";
import { grantRuntimeRole, type RuntimeGrant } from "./runtime-role";

const migrationsFolder = fileURLToPath(new URL("../drizzle", import.meta.url));

/**
 * Applies the committed migrations in `drizzle/` (db/migrator.ts: index builds online)
 * with a connection of its own, as the tables' owner; then, given the app's runtime role, grants it what it needs and
 * no more (db/runtime-role.ts).
 */
export async function runMigrations(
  databaseUrl: string,
  options: { runtimeRole?: string | null } = {},
): Promise<RuntimeGrant | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await applyMigrations(client, readMigrations(migrationsFolder));
    if (!options.runtimeRole) return null;
    return await grantRuntimeRole(client, options.runtimeRole);
  } finally {
    await client.end();
  }
}

/**
 * Where `db:migrate` connects and whom it grants to: DATABASE_MIGRATE_URL (the owner),
 * else DATABASE_URL; the runtime role is DATABASE_RUNTIME_ROLE, else DATABASE_URL's user.
 */
export function migrationTargets(
  env: Record<string, string | undefined>,
): { migrateUrl: string; runtimeRole: string | null } | { error: string } {
  const migrateUrl = env.DATABASE_MIGRATE_URL || env.DATABASE_URL;
  if (!migrateUrl) {
    return {
      error:
        "DATABASE_MIGRATE_URL or DATABASE_URL must be set (npm run dev migrates the embedded server itself)",
    };
  }
  let runtimeRole = env.DATABASE_RUNTIME_ROLE || null;
  if (!runtimeRole && env.DATABASE_URL) {
    try {
      runtimeRole = decodeURIComponent(new URL(env.DATABASE_URL).username) || null;
    } catch {
      return { error: "DATABASE_URL is not a postgres:// URL" };
    }
  }
  return { migrateUrl, runtimeRole };
}

function describe(grant: RuntimeGrant | null): string {
  if (!grant) return "migrations applied (no runtime role to grant: DATABASE_URL is not set)";
  if (grant.kind === "granted") {
    return `migrations applied; runtime role "${grant.role}" granted (audit_log: read and insert only)`;
  }
  return "migrations applied. The app's own role runs them, so it owns the tables and could alter audit_log: set DATABASE_MIGRATE_URL to a separate owner role (README, Database roles)";
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const targets = migrationTargets(process.env);
  if ("error" in targets) {
    console.error(`db:migrate: ${targets.error}`);
    process.exit(1);
  }
  runMigrations(targets.migrateUrl, { runtimeRole: targets.runtimeRole })
    .then((grant) => console.log(`db:migrate: ${describe(grant)}`))
    .catch((error: unknown) => {
      console.error("db:migrate: failed:", error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
