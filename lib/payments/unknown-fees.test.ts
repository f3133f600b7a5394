import { beforeAll, describe, expect, it } from "vitest";
import { totalsSource } from "@/db/queries/transaction-totals";
import { settlementByDayAndChannel } from "@/db/queries/settlement";
import { getReconciliationDay } from "@/db/queries/reconciliation-days";
import { queryTestDb, withTestDatabase } from "@/testing/database";
import { exact, listTotalsAt } from "@/testing/list-totals";
import { feeCoverage, netOf } from "./fees";
import { markDayReconciled, markedFigures } from "./reconciliation";
import { getReconciliationDayView } from "./reconciliation-view";
import { getTransactionDetail } from "./transaction-detail";
import { parseTransactionFilter } from "@/lib/core/transaction-filter/parse";
import { resolveFilter } from "@/lib/core/transaction-filter/resolve";

/*
 * QRIS, Alfamart (counter) and payment-link payments have no fee until Purwantara
 * reports one (fee IS NULL): unknown, never zero. Every figure here is compared with a
 * count made straight from the rows.
 */

const db = withTestDatabase();
const run = <T extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
  queryTestDb<T>(db.url(), text, params);

// Wed 25 Nov 2026, 10:00 WIB.
const now = new Date("2026-11-25T03:00:00Z");
const zone = "Asia/Jakarta" as const;

beforeAll(async () => {
  // 72 rows over ~15 days: virtual accounts with a fee, QRIS and payment links without
  // one, Alfamart half and half; paid, settled (a day later) and still active.
  await run(
    `insert into transactions (mode, channel, title, amount, fee, state, created_at, paid_at, settled_at)
     select 'local', ch, 'Kopi ' || g, amt,
            case when ch = 'virtual-account' then 4000
                 when ch = 'counter' and g % 8 < 4 then 5000 end,
            st, created, case when st <> 'active' then created + interval '10 minutes' end,
            case when st = 'settled' then created + interval '1 day' end
       from generate_series(0, 71) g,
            lateral (select (array['virtual-account','qris','counter','payment-link'])[1 + g % 4]::transaction_channel as ch,
                            (array['paid','settled','active'])[1 + g % 3]::transaction_state as st,
                            10000 + g * 1000 + case when g % 5 = 0 then 0.5 else 0 end as amt,
                            $1::timestamptz - (g + 1) * interval '5 hours' as created) x`,
    [now.toISOString()],
  );
});

type Direct = { paid: number; unknown: number; fees: string; net: string };

/** Paid and settled rows of the local mode matching `where`, counted straight from the rows. */
async function direct(where = "true"): Promise<Direct> {
  const [row] = await run<Direct>(
    `select count(*)::int as paid, count(*) filter (where fee is null)::int as unknown,
            coalesce(sum(fee), 0)::text as fees, coalesce(sum(amount - fee), 0)::text as net
       from transactions where mode = 'local' and state in ('paid', 'settled') and ${where}`,
  );
  return row!;
}

/** The summary tables as the triggers keep them, and as a recount of the rows makes them. */
async function summariesMatchRecount() {
  const kept = await run(
    `select mode, slot, channel, state, count::int, amount::text, fee::text,
            unknown_fee_count::int as unknown, known_fee_amount::text as known
       from transaction_slot_totals order by 1, 2, 3, 4`,
  );
  const recount = await run(
    `select mode, totals_slot(created_at) as slot, channel, state, count(*)::int as count,
            sum(amount)::text as amount, sum(coalesce(fee, 0))::text as fee,
            count(*) filter (where fee is null)::int as unknown,
            coalesce(sum(amount) filter (where fee is not null), 0)::text as known
       from transactions group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
  );
  const spelled = (rows: Record<string, unknown>[]) =>
    rows.map((r) => ({
      ...r,
      amount: exact(String(r.amount)),
      fee: exact(String(r.fee)),
      known: exact(String(r.known)),
    }));
  expect(spelled(kept), "transaction_slot_totals").toEqual(spelled(recount));
  const keptPaid = await run(
    `select basis, slot, state, channel, coalesce(bank, '') as bank, count::int,
            unknown_fee_count::int as unknown, known_fee_amount::numeric::text as known, fee::numeric::text as fee
       from transaction_payment_totals order by 1, 2, 3, 4, 5`,
  );
  const recountPaid = await run(
    `select basis, slot, state, channel, coalesce(bank, '') as bank, count(*)::int as count,
            count(*) filter (where fee is null)::int as unknown,
            coalesce(sum(amount) filter (where fee is not null), 0)::numeric(24, 4)::text as known,
            sum(coalesce(fee, 0))::numeric(24, 4)::text as fee
       from (select 'paid'::totals_basis as basis, totals_slot(paid_at) as slot, * from transactions where paid_at is not null
             union all
             select 'settled', totals_slot(settled_at), * from transactions where settled_at is not null) k
      group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
  );
  expect(keptPaid, "transaction_payment_totals").toEqual(recountPaid);
}

const sources = [
  ["", "methods", "true"],
  ["channel=virtual-account", "methods", "channel = 'virtual-account'"],
  ["channel=qris", "methods", "channel = 'qris'"],
  ["channel=counter", "methods", "channel = 'counter'"],
  [
    "period=7d&channel=qris",
    "createdSlots",
    `channel = 'qris' and created_at >= '2026-11-18T17:00:00Z'`,
  ],
  ["channel=payment-link&status=paid,settled&min=1", "rows", "channel = 'payment-link'"],
] as const;

describe("unknown fees in the totals", () => {
  it("a fee is unknown, not zero: net only where it is known", () => {
    expect(netOf("10000.5", "2500")).toBe("7500.5");
    expect(netOf("10000", null)).toBeNull();
    expect(netOf("10000", "0")).toBe("10000");
    expect(feeCoverage({ paidCount: 3, unknownFeeCount: 0 })).toBe("all");
    expect(feeCoverage({ paidCount: 3, unknownFeeCount: 1 })).toBe("some");
    expect(feeCoverage({ paidCount: 3, unknownFeeCount: 3 })).toBe("none");
  });

  it.each(sources)(
    "%s: unknown-fee count, fees and net over the known part equal the rows' (%s)",
    async (query, source, where) => {
      const { filter } = parseTransactionFilter(new URLSearchParams(query));
      expect(totalsSource(resolveFilter(filter, "local", zone, now))).toBe(source);
      const totals = await listTotalsAt(`/transactions?${query}`, "local", zone, now);
      const want = await direct(where);
      expect(totals.paidCount).toBe(want.paid);
      expect(totals.unknownFeeCount).toBe(want.unknown);
      expect(exact(totals.fees)).toBe(exact(want.fees));
      expect(exact(totals.net)).toBe(exact(want.net));
    },
  );

  it("known only, unknown only and mixed sets say so", async () => {
    const at = (q: string) => listTotalsAt(`/transactions?${q}`, "local", zone, now);
    const known = await at("channel=virtual-account");
    expect(known.paidCount).toBe(12);
    expect(known.unknownFeeCount).toBe(0);
    expect(exact(known.net)).toBe(exact(String(Number(known.paidAmount) - 12 * 4000)));
    const unknown = await at("channel=qris");
    expect(unknown.paidCount).toBe(12);
    expect(unknown.unknownFeeCount).toBe(12);
    expect(exact(unknown.fees)).toBe("0");
    expect(exact(unknown.net)).toBe("0");
    expect(feeCoverage(unknown)).toBe("none");
    const mixed = await at("channel=counter");
    expect(mixed.unknownFeeCount).toBeGreaterThan(0);
    expect(mixed.unknownFeeCount).toBeLessThan(mixed.paidCount);
    expect(feeCoverage(mixed)).toBe("some");
  });

  it(
    "the summaries follow a fee reported, reported as zero, withdrawn, a settlement and a delete",
    { timeout: 60_000 },
    async () => {
      const windows = ["on=paid&period=7d", "on=settled&period=30d&channel=qris", "q=kopi"];
      const check = async () => {
        await summariesMatchRecount();
        for (const q of windows) await listTotalsAt(`/transactions?${q}`, "local", zone, now);
        for (const [query, , where] of sources) {
          const totals = await listTotalsAt(`/transactions?${query}`, "local", zone, now);
          expect(totals.unknownFeeCount, query).toBe((await direct(where)).unknown);
        }
      };
      await check();
      const before = await direct("channel = 'qris'");
      await run(
        "update transactions set fee = 700 where id = (select id from transactions where channel = 'qris' and state = 'paid' and fee is null order by created_at limit 1)",
      );
      // Zero is a fee too: the payment leaves the unknown count though no sum moves.
      await run(
        "update transactions set fee = 0 where id = (select id from transactions where channel = 'qris' and state = 'settled' and fee is null order by created_at limit 1)",
      );
      expect((await direct("channel = 'qris'")).unknown).toBe(before.unknown - 2);
      await check();
      await run(
        "update transactions set fee = null where channel = 'counter' and fee is not null and state = 'paid'",
      );
      await run(
        "update transactions set state = 'settled', settled_at = paid_at + interval '2 days' where channel = 'payment-link' and state = 'paid'",
      );
      await check();
      await run(
        "delete from transactions where channel = 'qris' and fee is null and state = 'settled'",
      );
      await check();
    },
  );
});

describe("unknown fees in the reconciliation and the day's close", () => {
  it("each day and channel counts its settled payments without a fee", async () => {
    const cells = await settlementByDayAndChannel("2026-11-01", "2026-11-25", {
      mode: "local",
      zone,
    });
    const want = await run<{
      day: string;
      channel: string;
      unknown: number;
      fee: string;
      net: string;
    }>(
      `select to_char(settled_at at time zone 'Asia/Jakarta', 'YYYY-MM-DD') as day, channel::text,
              count(*) filter (where fee is null)::int as unknown,
              coalesce(sum(fee), 0)::text as fee, coalesce(sum(amount - fee), 0)::text as net
         from transactions
        where mode = 'local' and state = 'settled'
          and settled_at >= '2026-10-31T17:00:00Z' and settled_at < '2026-11-25T17:00:00Z'
        group by 1, 2 order by 1 desc, 2`,
    );
    const got = cells
      .filter((c) => c.settled.count > 0)
      .map((c) => ({
        day: c.day,
        channel: c.channel,
        unknown: c.settled.unknownFeeCount,
        fee: exact(c.settled.fee),
        net: exact(c.settled.net),
      }));
    const sorted = <T extends { day: string; channel: string }>(xs: T[]) =>
      [...xs].sort((a, b) => b.day.localeCompare(a.day) || a.channel.localeCompare(b.channel));
    expect(sorted(got)).toEqual(
      sorted(want.map((w) => ({ ...w, fee: exact(w.fee), net: exact(w.net) }))),
    );
    expect(got.some((c) => c.unknown > 0)).toBe(true);
  });

  it("a day marked reconciled keeps how many fees were unknown", async () => {
    const [busiest] = await run<{ day: string; unknown: number; fee: string }>(
      `select to_char(settled_at at time zone 'Asia/Jakarta', 'YYYY-MM-DD') as day,
              count(*) filter (where fee is null)::int as unknown, coalesce(sum(fee), 0)::text as fee
         from transactions where mode = 'local' and state = 'settled' and settled_at < '2026-11-24T17:00:00Z'
        group by 1 having count(*) filter (where fee is null) > 0 order by 2 desc, 1 limit 1`,
    );
    const day = busiest!.day;
    const view = await getReconciliationDayView("local", zone, day, now);
    expect(view.total.settled.unknownFeeCount).toBe(busiest!.unknown);
    const [user] = await run<{ id: string }>(
      "insert into users (email, name, password_hash, role) values ('maker@fees.test', 'Maker', 'x', 'finance') returning id",
    );
    const result = await markDayReconciled({ id: user!.id }, "local", day, "bank statement", now);
    expect(result).toEqual({ ok: true });
    const kept = markedFigures((await getReconciliationDay("local", day))!.figures);
    expect(kept!.unknownFeeCount).toBe(busiest!.unknown);
    expect(exact(kept!.fee)).toBe(exact(busiest!.fee));
    // A mark made before unknown fees were counted shows none.
    expect(
      markedFigures({ paidAmount: "1", settledAmount: "1", fee: "0", net: "1" })!.unknownFeeCount,
    ).toBe(0);
  });
});

describe("one payment's unknown fee", () => {
  it("the detail has no net until the fee is reported", async () => {
    const [qris] = await run<{ id: string }>(
      "select id from transactions where channel = 'payment-link' and state = 'settled' and fee is null limit 1",
    );
    const unknown = await getTransactionDetail(qris!.id, "local");
    expect(unknown!.money).toMatchObject({ fee: null, net: null, feeUnknown: true });
    await run("update transactions set fee = 1250.25 where id = $1", [qris!.id]);
    const known = await getTransactionDetail(qris!.id, "local");
    expect(known!.money.feeUnknown).toBe(false);
    const [row] = await run<{ net: string }>(
      "select (amount - fee)::text as net from transactions where id = $1",
      [qris!.id],
    );
    expect(exact(known!.money.net!)).toBe(exact(row!.net));
  });
});
