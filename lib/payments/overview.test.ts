import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { seedTransactions } from "@/tools/seed/transactions";
import { paymentMethodSpellings } from "@/lib/core/payment-methods";
import { queryTestDb, withTestDatabase } from "@/testing/database";
import { exact, listTotalsAt } from "@/testing/list-totals";
import type { TimeZone } from "@/lib/core/time";
import { getOverview, successRate, type LinkedSum, type Overview } from "./overview";
import { filterChannels } from "@/lib/core/transaction-filter/vocabulary";

const db = withTestDatabase();
// 12:00 WIB on 20 Nov 2026; 14:00 WIT.
const now = new Date("2026-11-20T05:00:00Z");

type Sum = { count: number; amount: string };

/**
 * The figures recomputed by hand, independently of the app's predicate builder: the
 * list's rules written out (one mode, Not created left out, days in the viewer's zone).
 */
async function direct(where: string, params: unknown[], mode = "local"): Promise<Sum> {
  const [row] = await queryTestDb<Sum>(
    db.url(),
    `select count(*)::int as count, coalesce(sum(amount), 0)::text as amount from transactions
      where mode = '${mode}' and state <> 'failed_to_create' and ${where}`,
    params,
  );
  return row!;
}
const paidBetween = (zone: TimeZone) =>
  `state in ('paid', 'settled') and paid_at >= ($1::date)::timestamp at time zone '${zone}'
     and paid_at < ($2::date + 1)::timestamp at time zone '${zone}'`;
const createdBetween = (zone: TimeZone) =>
  `created_at >= ($1::date)::timestamp at time zone '${zone}'
     and created_at < ($2::date + 1)::timestamp at time zone '${zone}'`;
const numeric = (s: { count: number; amount: string }) => ({
  count: s.count,
  amount: Number(s.amount),
});

beforeAll(async () => {
  const client = new pg.Client({ connectionString: db.url() });
  await client.connect();
  try {
    await seedTransactions(client, { rows: 6000, mode: "local", now, batchSize: 3000 });
    // Live rows paid today must never show in the test mode's figures, and the reverse.
    await seedTransactions(client, { rows: 300, mode: "production", now });
    // A bank spelled in another case is the same bank to the list's `bank=`.
    await client.query(
      `insert into transactions (mode, channel, bank, payment_channel, amount, fee, state, created_at, paid_at, settled_at, title)
       values ('local', 'virtual-account', 'bca', 'bca', 123000, 4000, 'paid', $1::timestamptz - interval '50 hours', $1::timestamptz - interval '49 hours', null, 'case'),
              ('local', 'payment-link', null, 'Bca', 77000, 1925, 'settled', $1::timestamptz - interval '75 hours', $1::timestamptz - interval '74 hours', $1::timestamptz - interval '20 hours', 'case')`,
      [now.toISOString()],
    );
  } finally {
    await client.end();
  }
});

describe("overview figures equal direct counts over the list's predicate", () => {
  for (const zone of ["Asia/Jakarta", "Asia/Jayapura"] as const) {
    it(`paid today, 7 and 30 days and the periods before, in ${zone}`, async () => {
      const overview = await getOverview("local", zone, now);
      expect(overview.today).toBe("2026-11-20");
      const expected = [
        ["2026-11-20", "2026-11-20", "2026-11-19", "2026-11-19"],
        ["2026-11-14", "2026-11-20", "2026-11-07", "2026-11-13"],
        ["2026-10-22", "2026-11-20", "2026-09-22", "2026-10-21"],
      ] as const;
      for (const [i, [from, to, prevFrom, prevTo]] of expected.entries()) {
        const period = overview.periods[i]!;
        expect(numeric(period.current)).toEqual(
          numeric(await direct(paidBetween(zone), [from, to])),
        );
        expect(numeric(period.previous)).toEqual(
          numeric(await direct(paidBetween(zone), [prevFrom, prevTo])),
        );
        expect(period.current.href).toBe(
          `/transactions?status=paid,settled&on=paid&from=${from}&to=${to}`,
        );
        expect(period.previous.href).toBe(
          `/transactions?status=paid,settled&on=paid&from=${prevFrom}&to=${prevTo}`,
        );
      }
      expect(overview.periods[2]!.current.count).toBeGreaterThan(50);
    });
  }

  it("per channel: paid, success rate (paid over decided) and median time to pay", async () => {
    const overview = await getOverview("local", "Asia/Jakarta", now);
    const range = ["2026-10-22", "2026-11-20"];
    // The seed makes every channel, ewallet-other included.
    expect(overview.channels.map((c) => c.channel).sort()).toEqual([...filterChannels].sort());
    for (const c of overview.channels) {
      const only = ` and channel = '${c.channel}'`;
      expect(numeric(c.paid)).toEqual(
        numeric(await direct(paidBetween("Asia/Jakarta") + only, range)),
      );
      expect(c.created.count).toBe(
        (await direct(createdBetween("Asia/Jakarta") + only, range)).count,
      );
      expect(c.paidOfCreated.count).toBe(
        (
          await direct(
            `${createdBetween("Asia/Jakarta")} and state in ('paid', 'settled')${only}`,
            range,
          )
        ).count,
      );
      const open = (
        await direct(`${createdBetween("Asia/Jakarta")} and state = 'active'${only}`, range)
      ).count;
      expect(c.openOfCreated.count).toBe(open);
      const decided = c.created.count - open;
      expect(successRate(c)).toBe(decided > 0 ? c.paidOfCreated.count / decided : null);
      const [median] = await queryTestDb<{ seconds: number | null }>(
        db.url(),
        `select round(percentile_cont(0.5) within group (order by extract(epoch from paid_at - created_at)))::int as seconds
           from transactions where mode = 'local' and ${paidBetween("Asia/Jakarta")}${only}`,
        range,
      );
      expect(c.medianSeconds).toBe(median!.seconds === null ? null : Math.max(0, median!.seconds));
      expect(c.paid.href).toBe(
        `/transactions?status=paid,settled&channel=${c.channel}&on=paid&from=2026-10-22&to=2026-11-20`,
      );
      expect(c.created.href).toBe(
        `/transactions?channel=${c.channel}&from=2026-10-22&to=2026-11-20`,
      );
      expect(c.paidOfCreated.href).toBe(
        `/transactions?status=paid,settled&channel=${c.channel}&from=2026-10-22&to=2026-11-20`,
      );
    }
  });

  it("per bank or payment channel: one row per method, a row counting under each it names", async () => {
    const overview = await getOverview("local", "Asia/Jakarta", now);
    const range = ["2026-10-22", "2026-11-20"];
    const names = overview.banks.map((b) => b.bank);
    expect(names).toEqual(expect.arrayContaining(["BCA", "OVO", "ALFAMART", "QRIS"]));
    // qris_doku, QRIS and every other spelling of one method make one row.
    expect(new Set(names).size).toBe(names.length);
    expect(names).not.toContain("QRISDOKU");
    const folded = (c: string) => `upper(regexp_replace(${c}, '[^a-zA-Z0-9]', '', 'g'))`;
    for (const b of overview.banks) {
      const spellings = paymentMethodSpellings(b.bank);
      expect(numeric(b)).toEqual(
        numeric(
          await direct(
            `${paidBetween("Asia/Jakarta")} and (${folded("bank")} = any($3) or ${folded("payment_channel")} = any($3))`,
            [...range, spellings],
          ),
        ),
      );
      expect(b.href).toBe(
        `/transactions?status=paid,settled&bank=${encodeURIComponent(b.bank)}&on=paid&from=2026-10-22&to=2026-11-20`,
      );
    }
  });

  it("the daily chart: every day and channel equals its list, summing to the 30 days", async () => {
    const overview: Overview = await getOverview("local", "Asia/Jakarta", now);
    expect(overview.daily.days).toHaveLength(30);
    expect(overview.daily.days[29]).toBe("2026-11-20");
    const grouped = await queryTestDb<{
      day: string;
      channel: string;
      count: number;
      amount: string;
    }>(
      db.url(),
      `select to_char((paid_at at time zone 'Asia/Jakarta')::date, 'YYYY-MM-DD') as day, channel::text,
              count(*)::int as count, sum(amount)::text as amount
         from transactions where mode = 'local' and ${paidBetween("Asia/Jakarta")}
        group by 1, 2 order by 1, 2`,
      ["2026-10-22", "2026-11-20"],
    );
    const key = (r: { day: string; channel: string }) => `${r.day} ${r.channel}`;
    const byKey = (a: { day: string; channel: string }, b: { day: string; channel: string }) =>
      key(a).localeCompare(key(b));
    expect(
      overview.daily.rows
        .map((r) => ({ day: r.day, channel: r.channel, ...numeric(r) }))
        .sort(byKey),
    ).toEqual(grouped.map((g) => ({ ...g, amount: Number(g.amount) })).sort(byKey));
    const cell = overview.daily.rows[0]!;
    expect(cell.href).toBe(
      `/transactions?status=paid,settled&channel=${cell.channel}&on=paid&from=${cell.day}&to=${cell.day}`,
    );
    const total = overview.daily.rows.reduce((s, r) => s + r.count, 0);
    expect(total).toBe(overview.periods[2]!.current.count);
  });

  it("open payments and needs review", async () => {
    const overview = await getOverview("local", "Asia/Jakarta", now);
    const open = await direct("state = 'active'", []);
    expect(numeric(overview.open)).toEqual(numeric(open));
    expect(open.count).toBeGreaterThan(0);
    expect(overview.open.href).toBe("/transactions?status=active");
    expect(overview.needsReview.count).toBe(
      (await direct("'needs_review' = any(flags)", [])).count,
    );
    expect(overview.needsReview.href).toBe("/transactions?flag=needs_review");
    expect(overview.hasTransactions).toBe(true);
  });

  it("each mode sees only its own rows; a mode without rows is empty", async () => {
    const live = await getOverview("production", "Asia/Jakarta", now);
    const range = ["2026-10-22", "2026-11-20"];
    expect(numeric(live.periods[2]!.current)).toEqual(
      numeric(await direct(paidBetween("Asia/Jakarta"), range, "production")),
    );
    const sandbox = await getOverview("sandbox", "Asia/Jakarta", now);
    expect(sandbox.hasTransactions).toBe(false);
    expect(sandbox.periods.every((p) => p.current.count === 0 && p.current.amount === "0")).toBe(
      true,
    );
  });
});

describe("every overview number is the list's totals at the link it carries", () => {
  for (const zone of ["Asia/Jakarta", "Asia/Jayapura"] as const) {
    it(`periods, channels, banks, every cell of the chart, open and needs review, in ${zone}`, async () => {
      const overview = await getOverview("local", zone, now);
      const at = (href: string) => listTotalsAt(href, "local", zone, now);
      const paid = async (figure: LinkedSum) => {
        const list = await at(figure.href);
        expect({ count: figure.count, amount: exact(figure.amount) }, figure.href).toEqual({
          count: list.count,
          amount: exact(list.paidAmount),
        });
        // Every row behind a paid figure is paid or settled.
        expect(list.paidCount, figure.href).toBe(list.count);
      };
      for (const p of overview.periods) {
        await paid(p.current);
        await paid(p.previous);
      }
      for (const c of overview.channels) {
        await paid(c.paid);
        expect(c.created.count, c.created.href).toBe((await at(c.created.href)).count);
        expect(c.paidOfCreated.count, c.paidOfCreated.href).toBe(
          (await at(c.paidOfCreated.href)).count,
        );
        expect(c.openOfCreated.count, c.openOfCreated.href).toBe(
          (await at(c.openOfCreated.href)).count,
        );
      }
      for (const b of overview.banks) await paid(b);
      expect(overview.daily.rows.length).toBeGreaterThan(100);
      for (const cell of overview.daily.rows) await paid(cell);
      const open = await at(overview.open.href);
      expect({ count: overview.open.count, amount: exact(overview.open.amount) }).toEqual({
        count: open.count,
        amount: exact(open.openAmount),
      });
      expect(overview.needsReview.count).toBe((await at(overview.needsReview.href)).count);
      expect(overview.needsReview.count).toBeGreaterThan(0);
      expect(overview.paidTwice.count).toBe((await at(overview.paidTwice.href)).count);
      expect(overview.maybePaidTwice.count).toBe((await at(overview.maybePaidTwice.href)).count);
      const refunded = await at(overview.refunded.href);
      expect({ count: overview.refunded.count, amount: exact(overview.refunded.amount) }).toEqual({
        count: refunded.refundedCount,
        amount: exact(refunded.refunded),
      });
    }, 120_000);
  }
});
