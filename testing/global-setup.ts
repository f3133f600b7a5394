import type { TestProject } from "vitest/node";
import { findFreePort } from "../tools/embedded-postgres";
import { runMigrations } from "../db/migrate";
import {
  connectDatabaseServer,
  localRuntimeRoles,
  type DatabaseServer,
} from "../tools/database-server";
import { createMailCatcher, type MailCatcher } from "../tools/mail-catcher/server";

declare module "vitest" {
  export interface ProvidedContext {
    /** A database URL on the test server, any database name swapped in by `urlFor`. */
    dbServerUrl: string;
    /** A migrated database that each test file copies (CREATE DATABASE … TEMPLATE). */
    dbTemplate: string;
    /** The app's runtime role on that server: owns nothing, audit_log read and insert only. */
    dbRuntimeRole: { name: string; password: string };
    /** The run's local mail catcher: its HTTP API and its SMTP port on 127.0.0.1. */
    mailCatcherUrl: string;
    mailCatcherSmtpPort: number;
  }
}

let server: DatabaseServer | undefined;
let template = "";
let catcher: MailCatcher | undefined;

/**
 * Once per run: a real PostgreSQL (TEST_DATABASE_ADMIN_URL or DATABASE_URL, else an
 * embedded server under .data/pg-test), a template database migrated as the admin,
 * with the app's runtime role granted as in production (db/runtime-role.ts), and a local
 * mail catcher (a real SMTP server) that mail tests send to and read back from.
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
  catcher = createMailCatcher({ smtpPort: 0, httpPort: 0 });
  const mail = await catcher.listen();
  project.provide("mailCatcherUrl", mail.httpUrl);
  project.provide("mailCatcherSmtpPort", mail.smtpPort);
}

export async function teardown() {
  await catcher?.close();
  await server?.dropDatabase(template);
  await server?.stop();
}
