import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { UserRole } from "@/db/schema";
import type { TimeZone } from "@/lib/core/time";
import { queryTestDb, withTestDatabase } from "@/testing/database";
import { getDeliveryForViewer, getDeliveryLogPage, type DeliveryLogQuery } from "./delivery-log";

const db = withTestDatabase();
const q = (sql: string, params: unknown[] = []) => queryTestDb(db.url(), sql, params);

type Viewer = { role: UserRole; timeZone: TimeZone };
const admin: Viewer = { role: "admin", timeZone: "Asia/Jakarta" };
const finance: Viewer = { role: "finance", timeZone: "Asia/Jakarta" };
const query = (over: Partial<DeliveryLogQuery> = {}): DeliveryLogQuery => ({
  outcome: [],
  ...over,
});

async function all(viewer: Viewer, over: Partial<DeliveryLogQuery> = {}) {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 20; pages++) {
    const page = await getDeliveryLogPage(query({ ...over, cursor }), viewer, "local");
    ids.push(...page.items.map((i) => i.id));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return ids;
}

describe("callback log", () => {
  it("pages newest first through one mode's deliveries exactly once, ties included, and filters", async () => {
    // 130 local deliveries, three to a microsecond, an hour apart, outcomes in turn.
    await q(
      `insert into webhook_deliveries (delivery_id, received_at, headers, raw_body, signature_valid, outcome, mode)
       select 'd-' || g, timestamptz '2026-11-24 10:00:00.123456+07' - ((g / 3) || ' hours')::interval,
              '{}', '\\x7b7d', true,
              (array['applied','duplicate','needs_review','conflict','stale'])[1 + g % 5]::delivery_outcome, 'local'
       from generate_series(1, 130) g`,
    );
    await q(
      `insert into webhook_deliveries (headers, raw_body, signature_valid, outcome, mode)
       select '{}', '\\x7b7d', true, 'applied', 'production' from generate_series(1, 4)`,
    );
    await q(
      `insert into webhook_deliveries (headers, raw_body, signature_valid, outcome)
       select '{}', 'junk', false, 'rejected' from generate_series(1, 3)`,
    );
    const seen = await all(finance);
    expect(seen).toHaveLength(130);
    expect(new Set(seen).size).toBe(130);
    const expected = await queryTestDb<{ id: string }>(
      db.url(),
      "select id from webhook_deliveries where mode = 'local' order by received_at desc, id desc",
    );
    expect(seen).toEqual(expected.map((r) => r.id));

    const held = await all(finance, { outcome: ["needs_review", "conflict"] });
    const heldExpected = await queryTestDb<{ id: string }>(
      db.url(),
      `select id from webhook_deliveries where mode = 'local' and outcome in ('needs_review', 'conflict')
       order by received_at desc, id desc`,
    );
    expect(held).toEqual(heldExpected.map((r) => r.id));
    expect(held).toHaveLength(52);

    // One day in WIB: 2026-11-23 00:00 to 24:00 +07.
    const day = await all(finance, { from: "2026-11-23", to: "2026-11-23" });
    const dayExpected = await queryTestDb<{ id: string }>(
      db.url(),
      `select id from webhook_deliveries where mode = 'local'
         and received_at >= '2026-11-23 00:00+07' and received_at < '2026-11-24 00:00+07'
       order by received_at desc, id desc`,
    );
    expect(day).toEqual(dayExpected.map((r) => r.id));
    expect(day.length).toBeGreaterThan(0);
    expect(day.length).toBeLessThan(130);
  });

  it("shows unverified junk (no mode) to admins asking for rejected ones, never to finance", async () => {
    const junk = await queryTestDb<{ id: string }>(
      db.url(),
      `insert into webhook_deliveries (headers, raw_body, signature_valid, outcome)
       values ('{}', 'x', false, 'rejected') returning id`,
    );
    const junkId = junk[0]!.id;
    const adminRejected = await getDeliveryLogPage(
      query({ outcome: ["rejected"] }),
      admin,
      "local",
    );
    expect(adminRejected.showsUnverified).toBe(true);
    expect(adminRejected.items.map((i) => i.id)).toContain(junkId);
    expect((await all(admin)).includes(junkId)).toBe(false);
    const financeRejected = await getDeliveryLogPage(
      query({ outcome: ["rejected"] }),
      finance,
      "local",
    );
    expect(financeRejected.showsUnverified).toBe(false);
    expect(financeRejected.items.map((i) => i.id)).not.toContain(junkId);
    expect(await getDeliveryForViewer(junkId, admin, "local")).not.toBeNull();
    expect(await getDeliveryForViewer(junkId, finance, "local")).toBeNull();
  });

  it("a delivery of another mode is not found; bad dates are named, not applied", async () => {
    const live = await queryTestDb<{ id: string }>(
      db.url(),
      `insert into webhook_deliveries (headers, raw_body, signature_valid, outcome, mode)
       values ('{}', '{}', true, 'applied', 'production') returning id`,
    );
    expect(await getDeliveryForViewer(live[0]!.id, admin, "local")).toBeNull();
    expect(await getDeliveryForViewer(live[0]!.id, admin, "production")).not.toBeNull();
    expect(await getDeliveryForViewer(randomUUID(), admin, "local")).toBeNull();
    expect(await getDeliveryForViewer("not-a-uuid", admin, "local")).toBeNull();

    const bad = await getDeliveryLogPage(query({ from: "2026-02-31", to: "soon" }), admin, "local");
    expect(bad.filter.errors).toEqual({ from: "date", to: "date" });
    const reversed = await getDeliveryLogPage(
      query({ from: "2026-11-24", to: "2026-11-01" }),
      admin,
      "local",
    );
    expect(reversed.filter.errors).toEqual({ to: "dateRange" });
    const unreadable = await getDeliveryLogPage(query({ cursor: "nonsense" }), admin, "local");
    expect(unreadable.items.length).toBeGreaterThan(0);
  });
});
