import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { overdueByChannel, settlementByDayAndChannel } from "@/db/queries/settlement";
import { seedTransactions } from "@/tools/seed/transactions";
import { queryTestDb, withTestDatabase } from "@/testing/database";
import { exact, listTotalsAt } from "@/testing/list-totals";
import { decideDay, markDayReconciled } from "./reconciliation";
import {
  getReconciliationDayView,
  getReconciliationMonth,
  type SettlementRow,
} from "./reconciliation-view";
import { defaultSettlementDelays } from "./settlement-delays";

const db = withTestDatabase();
// 12:00 WIB on 20 Nov 2026.
const now = new Date("2026-11-20T05:00:00Z");
const zone = "Asia/Jakarta" as const;

async function makeUser(role: "finance" | "admin" | "operator", name: string) {
  const [row] = await queryTestDb<{ id: string }>(
    db.url(),
    "insert into users (email, name, password_hash, role) values ($1, $2, 'x', $3) returning id",
    [`${name.toLowerCase().replace(/\s/g, ".")}@example.com`, name, role],
  );
  return { id: row!.id, timeZone: zone };
}

/** A paid, unsettled payment of `channel` paid at `paidAt` (production mode: its own world). */
async function paidRow(channel: string, paidAt: string, amount = 10000) {
  await queryTestDb(
    db.url(),
    `insert into transactions (mode, channel, amount, state, created_at, paid_at, title)
     values ('production', $1, $2, 'paid', $3::timestamptz - interval '1 hour', $3, 'overdue test')`,
    [channel, amount, paidAt],
  );
}

async function audits(day: string) {
  return queryTestDb<{ action: string; actor_id: string; details: Record<string, unknown> }>(
    db.url(),
    "select action, actor_id, details from audit_log where target_type = 'reconciliation_day' and target_id = $1 order by id",
    [day],
  );
}

beforeAll(async () => {
  const client = new pg.Client({ connectionString: db.url() });
  await client.connect();
  try {
    await seedTransactions(client, { rows: 6000, mode: "local", now, batchSize: 3000 });
  } finally {
    await client.end();
  }
});

describe("settlement view", () => {
  it("per day and channel: paid, settled with fees and net, not settled, as direct counts", async () => {
    const cells = await settlementByDayAndChannel("2026-11-01", "2026-11-20", {
      mode: "local",
      zone,
    });
    const direct = await queryTestDb<Record<string, string | number>>(
      db.url(),
      `with days as (
         select channel, to_char(paid_at at time zone 'Asia/Jakarta', 'YYYY-MM-DD') as day, 'paid' as kind,
                amount, null::numeric as fee, state from transactions
          where mode = 'local' and state in ('paid', 'settled')
         union all
         select channel, to_char(settled_at at time zone 'Asia/Jakarta', 'YYYY-MM-DD'), 'settled',
                amount, fee, state from transactions where mode = 'local' and state = 'settled')
       select day, channel::text,
              count(*) filter (where kind = 'paid')::int as paid_count,
              coalesce(sum(amount) filter (where kind = 'paid'), 0)::numeric::float8 as paid_amount,
              count(*) filter (where kind = 'settled')::int as settled_count,
              coalesce(sum(amount) filter (where kind = 'settled'), 0)::float8 as settled_amount,
              coalesce(sum(fee) filter (where kind = 'settled'), 0)::float8 as fee,
              count(*) filter (where kind = 'paid' and state = 'paid')::int as unsettled_count
         from days where day between '2026-11-01' and '2026-11-20' group by 1, 2 order by 1 desc, 2`,
    );
    const mine = cells
      .map((c) => ({
        day: c.day,
        channel: c.channel,
        paid_count: c.paid.count,
        paid_amount: Number(c.paid.amount),
        settled_count: c.settled.count,
        settled_amount: Number(c.settled.amount),
        fee: Number(c.settled.fee),
        unsettled_count: c.unsettled.count,
      }))
      .sort((a, b) => b.day.localeCompare(a.day) || a.channel.localeCompare(b.channel));
    expect(mine).toEqual(direct);
    for (const c of cells)
      expect(Number(c.settled.net)).toBe(Number(c.settled.amount) - Number(c.settled.fee));
    expect(cells.some((c) => c.settled.count > 0 && Number(c.settled.fee) > 0)).toBe(true);
  });

  it("a day's rows link to exactly their lists", async () => {
    const view = await getReconciliationDayView("local", zone, "2026-11-18", now);
    const va = view.channels.find((c) => c.channel === "virtual-account")!;
    expect(va.paid.href).toBe(
      "/transactions?status=paid,settled&channel=virtual-account&on=paid&from=2026-11-18&to=2026-11-18&tz=Asia/Jakarta",
    );
    expect(va.settled.href).toBe(
      "/transactions?status=settled&channel=virtual-account&on=settled&from=2026-11-18&to=2026-11-18&tz=Asia/Jakarta",
    );
    expect(va.unsettled.href).toBe(
      "/transactions?status=paid&channel=virtual-account&on=paid&from=2026-11-18&to=2026-11-18&tz=Asia/Jakarta",
    );
    expect(view.total.paid.href).toBe(
      "/transactions?status=paid,settled&on=paid&from=2026-11-18&to=2026-11-18&tz=Asia/Jakarta",
    );
    expect(view.total.paid.count).toBe(view.channels.reduce((s, c) => s + c.paid.count, 0));
  });

  it("every figure of a month, of a day and of what is overdue is the list's totals at its link", async () => {
    const check = async (row: SettlementRow, mode: "local" | "production") => {
      const at = (href: string) => listTotalsAt(href, mode, zone, now);
      const paid = await at(row.paid.href);
      expect([row.paid.count, exact(row.paid.amount)], row.paid.href).toEqual([
        paid.count,
        exact(paid.paidAmount),
      ]);
      const settled = await at(row.settled.href);
      expect(
        [
          row.settled.count,
          exact(row.settled.amount),
          exact(row.settled.fee),
          exact(row.settled.net),
        ],
        row.settled.href,
      ).toEqual([
        settled.count,
        exact(settled.paidAmount),
        exact(settled.fees),
        exact(settled.net),
      ]);
      const unsettled = await at(row.unsettled.href);
      expect([row.unsettled.count, exact(row.unsettled.amount)], row.unsettled.href).toEqual([
        unsettled.count,
        exact(unsettled.paidAmount),
      ]);
    };
    const month = await getReconciliationMonth("local", zone, "2026-11", now);
    expect(month.days).toHaveLength(20);
    for (const day of month.days) await check(day, "local");
    const view = await getReconciliationDayView("local", zone, "2026-11-18", now);
    expect(view.channels.length).toBeGreaterThan(3);
    for (const row of [...view.channels, view.total]) await check(row, "local");
    // What is overdue: live rows paid long ago and never settled.
    await paidRow("counter", "2026-10-02T08:00:00+07:00", 16000);
    await paidRow("counter", "2026-11-10T08:00:00+07:00", 17000);
    const live = await getReconciliationMonth("production", zone, "2026-11", now);
    expect(live.overdue.length).toBeGreaterThan(0);
    for (const o of live.overdue) {
      const list = await listTotalsAt(o.href, "production", zone, now);
      expect([o.count, exact(o.amount)], o.href).toEqual([list.count, exact(list.paidAmount)]);
    }
    await queryTestDb(db.url(), "delete from transactions where mode = 'production'");
  }, 120_000);

  it("paid payments not settled after the channel's delay are overdue; younger ones are not", async () => {
    // Today is 20 Nov (WIB). VA and QRIS: 1 day, so paid on or before 18 Nov is overdue.
    await paidRow("virtual-account", "2026-11-18T23:30:00+07:00", 11000);
    await paidRow("virtual-account", "2026-11-19T01:00:00+07:00", 12000);
    // E-wallets: 2 days, so paid on or before 17 Nov is overdue.
    await paidRow("ewallet-ovo", "2026-11-17T08:00:00+07:00", 13000);
    await paidRow("ewallet-ovo", "2026-11-18T08:00:00+07:00", 14000);
    await paidRow("ewallet-ovo", "2026-11-02T08:00:00+07:00", 15000);
    const overdue = await overdueByChannel("2026-11-20", defaultSettlementDelays, {
      mode: "production",
      zone,
    });
    const va = overdue.find((o) => o.channel === "virtual-account")!;
    expect(va).toMatchObject({
      count: 1,
      amount: "11000",
      from: "2026-11-18",
      to: "2026-11-18",
    });
    const ovo = overdue.find((o) => o.channel === "ewallet-ovo")!;
    expect(ovo).toMatchObject({
      count: 2,
      amount: "28000",
      from: "2026-11-02",
      to: "2026-11-17",
    });
    expect(overdue.find((o) => o.channel === "qris")!.count).toBe(0);

    const month = await getReconciliationMonth("production", zone, "2026-11", now);
    expect(month.overdue.map((o) => [o.channel, o.count, o.href])).toEqual([
      [
        "virtual-account",
        1,
        "/transactions?status=paid&channel=virtual-account&on=paid&from=2026-11-18&to=2026-11-18&tz=Asia/Jakarta",
      ],
      [
        "ewallet-ovo",
        2,
        "/transactions?status=paid&channel=ewallet-ovo&on=paid&from=2026-11-02&to=2026-11-17&tz=Asia/Jakarta",
      ],
    ]);
    const day = (d: string) => month.days.find((x) => x.day === d)!;
    expect(day("2026-11-18").unsettled).toMatchObject({ count: 2, overdue: true });
    expect(day("2026-11-19").unsettled).toMatchObject({ count: 1, overdue: false });
    expect(day("2026-11-17").unsettled).toMatchObject({ count: 1, overdue: true });
    expect(month.days[0]!.day).toBe("2026-11-20");
    expect(month.days.at(-1)!.day).toBe("2026-11-01");
    // The test mode's own figures never include these live rows.
    const local = await overdueByChannel("2026-11-20", defaultSettlementDelays, {
      mode: "local",
      zone,
    });
    const [direct] = await queryTestDb<{ n: number }>(
      db.url(),
      `select count(*)::int as n from transactions where mode = 'local' and state = 'paid' and channel = 'virtual-account'
          and paid_at < ('2026-11-19'::date)::timestamp at time zone 'Asia/Jakarta'`,
    );
    expect(local.find((o) => o.channel === "virtual-account")!.count).toBe(direct!.n);
  });
});

describe("closing a day takes two people", () => {
  it("the maker cannot approve their own mark; a second finance user approves; both audited", async () => {
    const maker = await makeUser("finance", "Fina Maker");
    const checker = await makeUser("finance", "Feri Checker");
    const day = "2026-11-10";
    expect(await markDayReconciled(maker, "local", day, "Bank statement matches", now)).toEqual({
      ok: true,
    });
    const [row] = await queryTestDb<{ status: string; figures: { paidCount: number } }>(
      db.url(),
      "select status, figures from reconciliation_days where mode = 'local' and day = $1",
      [day],
    );
    expect(row!.status).toBe("awaiting_approval");
    const view = await getReconciliationDayView("local", zone, day, now);
    expect(row!.figures.paidCount).toBe(view.total.paid.count);

    expect(await decideDay(maker, "local", day, "approved", null)).toEqual({
      ok: false,
      reason: "ownMark",
    });
    expect(await markDayReconciled(checker, "local", day, "again", now)).toEqual({
      ok: false,
      reason: "alreadyMarked",
    });
    expect(await decideDay(checker, "local", day, "approved", "Checked")).toEqual({ ok: true });
    const closed = (await getReconciliationDayView("local", zone, day, now)).closing!;
    expect(closed).toMatchObject({
      status: "approved",
      markedByName: "Fina Maker",
      reviewedByName: "Feri Checker",
      markNote: "Bank statement matches",
      reviewNote: "Checked",
    });
    expect(closed.reviewedAt).toBeInstanceOf(Date);
    const entries = await audits(day);
    expect(entries.map((e) => [e.action, e.actor_id])).toEqual([
      ["reconciliation.marked", maker.id],
      ["reconciliation.approved", checker.id],
    ]);
    expect(await decideDay(checker, "local", day, "rejected", "late")).toEqual({
      ok: false,
      reason: "notAwaiting",
    });
  });

  it("an admin rejects with a note, the maker marks again, an admin approves", async () => {
    const maker = await makeUser("finance", "Rina Maker");
    const admin = await makeUser("admin", "Adi Admin");
    const day = "2026-11-11";
    await markDayReconciled(maker, "local", day, "First try", now);
    expect(await decideDay(admin, "local", day, "rejected", "Fees do not match")).toEqual({
      ok: true,
    });
    expect((await getReconciliationDayView("local", zone, day, now)).closing).toMatchObject({
      status: "rejected",
      reviewNote: "Fees do not match",
    });
    expect(await markDayReconciled(maker, "local", day, "Fees corrected", now)).toEqual({
      ok: true,
    });
    const again = (await getReconciliationDayView("local", zone, day, now)).closing!;
    expect(again).toMatchObject({
      status: "awaiting_approval",
      reviewedBy: null,
      markNote: "Fees corrected",
    });
    expect(await decideDay(admin, "local", day, "approved", null)).toEqual({ ok: true });
    expect((await audits(day)).map((e) => e.action)).toEqual([
      "reconciliation.marked",
      "reconciliation.rejected",
      "reconciliation.marked",
      "reconciliation.approved",
    ]);
  });

  it("of two approvals at once, one wins and one audit entry is written", async () => {
    const maker = await makeUser("finance", "Tono Maker");
    const a = await makeUser("finance", "Ani Checker");
    const b = await makeUser("admin", "Budi Admin");
    const day = "2026-11-12";
    await markDayReconciled(maker, "local", day, "Ready", now);
    const results = await Promise.all([
      decideDay(a, "local", day, "approved", null),
      decideDay(b, "local", day, "approved", null),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "notAwaiting" }]);
    expect((await audits(day)).filter((e) => e.action === "reconciliation.approved")).toHaveLength(
      1,
    );
  });

  it("of two marks at once, one wins; today cannot be marked; days are per mode", async () => {
    const a = await makeUser("finance", "Sari Satu");
    const b = await makeUser("finance", "Sari Dua");
    const day = "2026-11-13";
    const results = await Promise.all([
      markDayReconciled(a, "local", day, "A", now),
      markDayReconciled(b, "local", day, "B", now),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect((await audits(day)).filter((e) => e.action === "reconciliation.marked")).toHaveLength(1);
    expect(await markDayReconciled(a, "local", "2026-11-20", "too early", now)).toEqual({
      ok: false,
      reason: "dayNotEnded",
    });
    // The same day in the live mode is a different day to close.
    expect(await markDayReconciled(a, "production", day, "live", now)).toEqual({ ok: true });
    expect(await decideDay(b, "sandbox", day, "approved", null)).toEqual({
      ok: false,
      reason: "notFound",
    });
  });
});
