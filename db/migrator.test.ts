import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { databaseUrlFor } from "@/tools/database-server";
import { applyMigrations, isOnline, readMigrations } from "./migrator";

const serverUrl = inject("dbServerUrl");
const name = `purwantara_migrator_${randomBytes(4).toString("hex")}`;
let client: pg.Client;
let folder: string;

/** A drizzle migrations folder of our own: its journal and one file per migration. */
function writeMigrations(files: [tag: string, sql: string][]): string {
  const dir = mkdtempSync(join(tmpdir(), "migrator-"));
  mkdirSync(join(dir, "meta"));
  const entries = files.map(([tag], i) => ({ idx: i, when: 1_000 + i, tag, breakpoints: true }));
  writeFileSync(join(dir, "meta", "_journal.json"), JSON.stringify({ entries }));
  for (const [tag, sql] of files) writeFileSync(join(dir, `${tag}.sql`), sql);
  return dir;
}

const rows = async <T extends pg.QueryResultRow>(sql: string) => (await client.query<T>(sql)).rows;
const indexes = () =>
  rows<{ name: string; valid: boolean }>(
    `select c.relname as name, i.indisvalid as valid from pg_index i
       join pg_class c on c.oid = i.indexrelid where c.relname like 'items_%' order by 1`,
  );
const recorded = async () =>
  Number(
    (await rows<{ n: string }>("select count(*) as n from drizzle.__drizzle_migrations"))[0]!.n,
  );

describe("db/migrator.ts", () => {
  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    client = new pg.Client({ connectionString: databaseUrlFor(serverUrl, name) });
    await client.connect();
    folder = writeMigrations([
      [
        "0000_items",
        `CREATE TABLE "items" ("id" integer, "code" text);--> statement-breakpoint
         INSERT INTO "items" SELECT n, 'c' || (n % 500) FROM generate_series(1, 1000) n;`,
      ],
      [
        "0001_items_indexes",
        `-- built online
         CREATE INDEX CONCURRENTLY IF NOT EXISTS "items_id_idx" ON "items" ("id");--> statement-breakpoint
         CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "items_code_idx" ON "items" ("code");`,
      ],
      ["0002_broken", `CREATE TABLE "later" ("id" integer);--> statement-breakpoint SELECT 1/0;`],
    ]);
  });
  afterAll(async () => {
    await client?.end();
    rmSync(folder, { recursive: true, force: true });
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it("runs a CONCURRENTLY migration outside a transaction, and only that kind", () => {
    const [items, online, broken] = readMigrations(folder);
    expect([isOnline(items!), isOnline(online!), isOnline(broken!)]).toEqual([false, true, false]);
  });

  it("leaves a failed concurrent build unrecorded, then drops its invalid index and builds it again", async () => {
    const migrations = readMigrations(folder);
    // The unique index fails on duplicate codes, half-way through the migration.
    await expect(
      applyMigrations(client, migrations, { until: "0001_items_indexes" }),
    ).rejects.toThrow(/could not create unique index/);
    expect(await indexes()).toEqual([
      { name: "items_code_idx", valid: false },
      { name: "items_id_idx", valid: true },
    ]);
    expect(await recorded()).toBe(1);

    await client.query(`delete from items where id > 500`);
    expect(await applyMigrations(client, migrations, { until: "0001_items_indexes" })).toEqual([
      "0001_items_indexes",
    ]);
    expect(await indexes()).toEqual([
      { name: "items_code_idx", valid: true },
      { name: "items_id_idx", valid: true },
    ]);
    expect(await recorded()).toBe(2);
  });

  it("rolls a failing ordinary migration back whole, and applies nothing twice", async () => {
    const migrations = readMigrations(folder);
    await expect(applyMigrations(client, migrations)).rejects.toThrow(/division by zero/);
    expect(await rows("select 1 from pg_class where relname = 'later'")).toEqual([]);
    expect(await recorded()).toBe(2);
    expect(await applyMigrations(client, migrations.slice(0, 2))).toEqual([]);
  });
});
