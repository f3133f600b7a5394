import { describe, expect, it } from "vitest";
import { queryTestDb, withTestDatabase } from "@/lib/testing/database";
import { getTransactionListPage } from "./transaction-list";

const db = withTestDatabase();

describe("transactions list", () => {
  it("pages newest first through every row exactly once, ties included, one mode only", async () => {
    // 120 local rows, many sharing a created_at to the microsecond, plus live rows that must not show.
    await queryTestDb(
      db.url(),
      `insert into transactions (mode, channel, external_id, title, amount, state, created_at)
       select 'local', 'payment-link', 'L-' || g, 'Local ' || g, 1000 * g, 'active',
              timestamptz '2026-11-23 10:00:00.123456+07' - ((g / 3) || ' seconds')::interval
       from generate_series(1, 120) g`,
    );
    await queryTestDb(
      db.url(),
      `insert into transactions (mode, channel, external_id, title, amount, state)
       select 'production', 'payment-link', 'P-' || g, 'Live ' || g, 5000, 'paid' from generate_series(1, 5) g`,
    );
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await getTransactionListPage({ cursor, limit: 50 }, "local");
      seen.push(...page.items.map((i) => i.externalId ?? ""));
      expect(page.items.every((i) => i.mode === "local")).toBe(true);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
    const createdAt = await queryTestDb<{ external_id: string }>(
      db.url(),
      "select external_id from transactions where mode = 'local' order by created_at desc, id desc",
    );
    expect(seen).toEqual(createdAt.map((r) => r.external_id));

    // A cursor it cannot read starts from the newest instead of failing.
    const fromStart = await getTransactionListPage({ cursor: "not-a-cursor", limit: 5 }, "local");
    expect(fromStart.items.map((i) => i.externalId)).toEqual(seen.slice(0, 5));
  });
});
