import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryTestDb, withTestDatabase } from "@/testing/database";
import { getDb, onPoolError } from "./client";

const db = withTestDatabase();

describe("a connection the server ends while the app holds it", () => {
  it("is reported and fails the holder's next query, instead of crashing the process", async () => {
    const seen: string[] = [];
    onPoolError((pool, error) => seen.push(`${pool} ${(error as { code?: string }).code}`));
    const attempt = getDb().transaction(async (tx) => {
      const { rows } = await tx.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
      // Between two queries of a transaction: checked out, no query running.
      await queryTestDb(db.url(), "select pg_terminate_backend($1)", [rows[0]!.pid]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await tx.execute(sql`select 1`);
    });
    await expect(attempt).rejects.toThrow();
    expect(seen).toContain("main 57P01");
    // The pool goes on with a fresh connection.
    const { rows } = await getDb().execute<{ ok: number }>(sql`select 1 as ok`);
    expect(rows[0]!.ok).toBe(1);
  });
});
