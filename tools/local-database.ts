import { migrationTargets, runMigrations } from "../db/migrate";
import { localRuntimeRoles, type DatabaseServer } from "./database-server";

/**
 * The database of `npm run dev` and `npm run db:seed`, migrated. On the embedded server
 * the database, the runtime role and its grants are made here: the app runs as
 * `purwantara_app`, the migrations as the superuser. With your own DATABASE_URL it is
 * migrated as `npm run db:migrate` would (DATABASE_MIGRATE_URL, else DATABASE_URL).
 */
export async function prepareLocalDatabase(
  server: DatabaseServer,
  ownUrl: string | undefined,
): Promise<{ databaseUrl: string; migrateUrl: string }> {
  if (!ownUrl) {
    const role = localRuntimeRoles.dev;
    await server.ensureDatabase("purwantara");
    await server.ensureLoginRole(role);
    const migrateUrl = server.urlFor("purwantara");
    await runMigrations(migrateUrl, { runtimeRole: role.name });
    return { databaseUrl: server.urlAs("purwantara", role), migrateUrl };
  }
  const targets = migrationTargets(process.env);
  if ("error" in targets) throw new Error(targets.error);
  await runMigrations(targets.migrateUrl, { runtimeRole: targets.runtimeRole });
  return { databaseUrl: ownUrl, migrateUrl: targets.migrateUrl };
}
