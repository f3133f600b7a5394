import type { TestProject } from "vitest/node";
import { findFreePort } from "../../db/embedded";
import { runMigrations } from "../../db/migrate";
import { connectDatabaseServer, localRuntimeRoles, type DatabaseServer } from "../../db/server";

declare module "vitest" {
  export interface ProvidedContext {
    /** A database URL on the test server, any database name swapped in by `urlFor`. */
    dbServerUrl: string;
    /** A migrated database that each test file copies (CREATE DATABASE … TEMPLATE). */
    dbTemplate: string;
    /** The app's runtime role on that server: owns nothing, audit_log read and insert only. */
    dbRuntimeRole: { name: string; password: string };
  }
}

let server: DatabaseServer | undefined;
let template = "";

/**
 * Once per run: a real PostgreSQL (TEST_DATABASE_ADMIN_URL or DATABASE_URL, else an
 * embedded server under .data/pg-test) and a template database migrated as the admin,
 * with the app's runtime role granted as in production (db/runtime-role.ts).
 */
export async function setup(project: TestProject) {
  const existing = process.env.TEST_DATABASE_ADMIN_URL ?? process.env.DATABASE_URL;
  server = await connectDatabaseServer(existing, {
    dataDir: ".data/pg-test",
    port: await findFreePort(),
  });
  template = `purwantara_tpl_${process.pid}`;
  await server.dropDatabase(template);
  await server.ensureDatabase(template);
  const runtimeRole = localRuntimeRoles.test;
  await server.ensureLoginRole(runtimeRole);
  await runMigrations(server.urlFor(template), { runtimeRole: runtimeRole.name });
  project.provide("dbServerUrl", server.urlFor("postgres"));
  project.provide("dbTemplate", template);
  project.provide("dbRuntimeRole", runtimeRole);
}

export async function teardown() {
  await server?.dropDatabase(template);
  await server?.stop();
}
