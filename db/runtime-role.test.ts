import { randomBytes } from "node:crypto";
import pg from "pg";
import PgBoss from "pg-boss";
import { describe, expect, inject, it } from "vitest";
import { queryTestDb, withTestDatabase } from "@/testing/database";
import { migrationTargets } from "./migrate";
import { grantRuntimeRole } from "./runtime-role";

const db = withTestDatabase();

/** The error code PostgreSQL answers `sql` with, or "ok". */
async function outcome(url: string, sql: string): Promise<string> {
  return queryTestDb(url, sql).then(
    () => "ok",
    (error: { code?: string }) => error.code ?? "no code",
  );
}

describe("the app's runtime role", () => {
  it("is refused altering, deleting, updating or emptying the audit log", async () => {
    const app = db.runtimeUrl();
    expect(await outcome(app, "alter table audit_log disable trigger all")).toBe("42501");
    expect(await outcome(app, "alter table audit_log owner to current_user")).toBe("42501");
    expect(await outcome(app, "drop trigger audit_log_no_update_delete on audit_log")).toBe(
      "42501",
    );
    expect(await outcome(app, "delete from audit_log")).toBe("42501");
    expect(await outcome(app, "update audit_log set action = 'auth.sign_in'")).toBe("42501");
    expect(await outcome(app, "truncate audit_log")).toBe("42501");
    expect(await outcome(app, "drop table audit_log cascade")).toBe("42501");
  });

  it("reads and adds to the audit log, and reads and writes the other tables", async () => {
    const app = db.runtimeUrl();
    const insert = "insert into audit_log (action, details) values ('auth.sign_in', '{}')";
    expect(await outcome(app, insert)).toBe("ok");
    expect(await outcome(app, "select count(*) from audit_log")).toBe("ok");
    const counter =
      "insert into login_counters (key, count, window_started_at) values ('k', 1, now())";
    expect(await outcome(app, counter)).toBe("ok");
    expect(await outcome(app, "update login_counters set count = 2 where key = 'k'")).toBe("ok");
    expect(await outcome(app, "delete from login_counters where key = 'k'")).toBe("ok");
    // pg-boss makes its own schema at the app's first start.
    expect(await outcome(app, "create schema if not exists pgboss_probe")).toBe("ok");
    const [me] = await queryTestDb<{ superuser: boolean }>(
      app,
      "select rolsuper as superuser from pg_roles where rolname = current_user",
    );
    expect(me?.superuser).toBe(false);
  });

  it("takes over pg-boss's schema made by another role (a dev database from before)", async () => {
    const admin = new PgBoss({
      connectionString: db.url(),
      max: 1,
      schedule: false,
      supervise: false,
    });
    await admin.start();
    await admin.createQueue("probe-before");
    await admin.stop({ graceful: false, wait: true });
    const client = new pg.Client({ connectionString: db.url() });
    await client.connect();
    try {
      await grantRuntimeRole(client, inject("dbRuntimeRole").name);
    } finally {
      await client.end();
    }
    const app = new PgBoss({
      connectionString: db.runtimeUrl(),
      max: 1,
      schedule: false,
      supervise: false,
    });
    await app.start();
    try {
      await app.createQueue("probe-after"); // a new partition: DDL on pg-boss's tables
      expect(await app.send("probe-after", { n: 1 })).toEqual(expect.any(String));
      expect(await app.send("probe-before", { n: 2 })).toEqual(expect.any(String));
    } finally {
      await app.stop({ graceful: false, wait: true });
    }
  }, 60_000);

  it("refuses to grant a role that owns the audit log, or one that does not exist", async () => {
    const owner = `purwantara_t_owner_${randomBytes(4).toString("hex")}`;
    const database = `purwantara_t_owned_${randomBytes(4).toString("hex")}`;
    const server = inject("dbServerUrl");
    await queryTestDb(server, `create role "${owner}" nologin`);
    await queryTestDb(server, `create database "${database}" template "${inject("dbTemplate")}"`);
    const url = new URL(server);
    url.pathname = `/${database}`;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      await client.query(`alter table audit_log owner to "${owner}"`);
      await expect(grantRuntimeRole(client, owner)).rejects.toThrow(/owns audit_log/);
      await expect(grantRuntimeRole(client, `${owner}_missing`)).rejects.toThrow(/does not exist/);
    } finally {
      await client.end();
      await queryTestDb(server, `drop database "${database}" with (force)`);
      await queryTestDb(server, `drop role "${owner}"`);
    }
  });
});

describe("migration targets", () => {
  it("migrates as DATABASE_MIGRATE_URL and grants DATABASE_URL's user", () => {
    expect(
      migrationTargets({
        DATABASE_URL: "postgres://app%5Fuser:pw@db:5432/pay",
        DATABASE_MIGRATE_URL: "postgres://owner:pw@db:5432/pay",
      }),
    ).toEqual({ migrateUrl: "postgres://owner:pw@db:5432/pay", runtimeRole: "app_user" });
  });

  it("falls back to DATABASE_URL, and DATABASE_RUNTIME_ROLE names the role", () => {
    expect(migrationTargets({ DATABASE_URL: "postgres://app@db/pay" })).toEqual({
      migrateUrl: "postgres://app@db/pay",
      runtimeRole: "app",
    });
    expect(
      migrationTargets({
        DATABASE_MIGRATE_URL: "postgres://o@db/pay",
        DATABASE_RUNTIME_ROLE: "web",
      }),
    ).toEqual({ migrateUrl: "postgres://o@db/pay", runtimeRole: "web" });
    expect(migrationTargets({})).toHaveProperty("error");
  });
});
