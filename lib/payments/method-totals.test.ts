import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { totalsQuery, totalsSource, type TotalsGrouping } from "@/db/queries/transaction-totals";
import { queryTestDb, withTestDatabase } from "@/testing/database";
import { exact, listTotalsAt, sameSpelling } from "@/testing/list-totals";
import { parseTransactionFilter } from "@/lib/core/transaction-filter/parse";
import { resolveFilter } from "@/lib/core/transaction-filter/resolve";

/*
 * Totals of a filter with no window (unfiltered, a status, a channel, a bank) come from
 * transaction_method_totals (migration 0023), kept by statement triggers. Every figure
 * is compared with the same totals counted from the rows, and the table with a recount.
 */

const db = withTestDatabase();
const run = <T extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
  queryTestDb<T>(db.url(), text, params);

const now = new Date("2026-11-25T03:00:00Z");
const zones = ["Asia/Jakarta", "Asia/Jayapura"] as const;

beforeAll(async () => {
  // 120 rows in both modes: banks in several spellings, QRIS by acquirer, payment links
  // paid by a bank, no bank at all; fees known, unknown and zero; every state.
  await run(
    `insert into transactions (mode, channel, bank, payment_channel, title, amount, fee, state, created_at, paid_at)
     select (array['local','production'])[1 + g % 2]::gateway_mode, ch,
            (array['BCA', 'bca', 'MANDIRI', null, 'B.C.A'])[1 + g % 5],
            (array[null, 'qris_doku', 'BCA', 'dana'])[1 + g % 4],
            'Kopi ' || g, 10000 + g * 1000 + case when g % 7 = 0 then 0.5 else 0 end,
            case when g % 3 = 0 then null when g % 3 = 1 then 2500 else 0 end,
            st, $1::timestamptz - g * interval '7 hours',
            case when st in ('paid', 'settled') then $1::timestamptz - g * interval '6 hours' end
       from generate_series(0, 119) g,
            lateral (select (array['virtual-account','qris','counter','payment-link'])[1 + g % 4]::transaction_channel as ch,
                            (array['paid','settled','active','expired','failed_to_create','unconfirmed'])[1 + g % 6]::transaction_state as st) x`,
    [now.toISOString()],
  );
  const [row] = await run<{ id: string; mode: string; amount: string }>(
    "select id, mode, amount from transactions where state = 'paid' and bank = 'BCA' limit 1",
  );
  const [clerk] = await run<{ id: string }>(
    "insert into users (email, name, password_hash, role) values ('clerk@example.com', 'Clerk', 'x', 'finance') returning id",
  );
  await run(
    `insert into refunds (transaction_id, mode, amount, reason, method, refunded_on, state, requested_by)
     values ($1, $2, $3, 'cancelled_order', 'bank_transfer', '2026-11-24', 'approved', $4)`,
    [row!.id, row!.mode, row!.amount, clerk!.id],
  );
});

/** transaction_method_totals as the triggers keep it, and as a recount of the rows makes it. */
async function keptEqualsRecount() {
  const columns = `mode, state, channel, coalesce(bank, '-') as bank, coalesce(payment_channel, '-') as pc`;
  const kept = await run(
    `select ${columns}, count::int as n, amount::text as amount, fee::text as fee,
            unknown_fee_count::int as unknown, known_fee_amount::text as known
       from transaction_method_totals order by 1, 2, 3, 4, 5`,
  );
  const recount = await run(
    `select ${columns}, count(*)::int as n, sum(amount)::text as amount, sum(coalesce(fee, 0))::text as fee,
            count(*) filter (where fee is null)::int as unknown,
            coalesce(sum(amount) filter (where fee is not null), 0)::text as known
       from transactions group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
  );
  expect(kept.map(sameSpelling), "transaction_method_totals").toEqual(recount.map(sameSpelling));
}

const filters = [
  "",
  "include=not_created",
  "status=paid,settled",
  "channel=qris,payment-link",
  "bank=BCA",
  "bank=bca,dana&status=paid,settled",
  "bank=MANDIRI&channel=virtual-account",
  "on=settled&status=settled",
];
const groupings: TotalsGrouping[] = [{}, { channel: true }, { bank: true, channel: true }];

async function everyFilterMatchesTheRows(inZones: readonly string[] = zones.slice(0, 1)) {
  for (const query of filters) {
    for (const zone of inZones as typeof zones) {
      for (const mode of ["local", "production"] as const) {
        const { filter } = parseTransactionFilter(new URLSearchParams(query));
        const resolved = resolveFilter(filter, mode, zone, now);
        for (const grouping of groupings) {
          expect(totalsSource(resolved, grouping)).toBe("methods");
          const kept = (await getDb().execute(totalsQuery(resolved, grouping))).rows;
          const rows = (await getDb().execute(totalsQuery(resolved, grouping, "rows"))).rows;
          const sorted = (xs: Record<string, unknown>[]) =>
            xs.map((x) => JSON.stringify(sameSpelling(x))).sort();
          expect(sorted(kept), `${query} ${mode} ${zone} ${JSON.stringify(grouping)}`).toEqual(
            sorted(rows),
          );
        }
      }
    }
  }
  await keptEqualsRecount();
}

describe("totals with no window, from transaction_method_totals", () => {
  it(
    "equal the rows' totals for every filter, mode, zone and grouping",
    { timeout: 120_000 },
    async () => {
      await everyFilterMatchesTheRows(zones);
      // The list's totals line for bank=BCA, against a count made straight from the rows.
      const totals = await listTotalsAt("/transactions?bank=BCA", "local", "Asia/Jakarta", now);
      const [want] = await run<{ paid: number; amount: string; unknown: number; refunded: string }>(
        `select count(*) filter (where state in ('paid', 'settled'))::int as paid,
              coalesce(sum(amount) filter (where state in ('paid', 'settled')), 0)::text as amount,
              count(*) filter (where state in ('paid', 'settled') and fee is null)::int as unknown,
              (select coalesce(sum(r.amount), 0) from refunds r where r.transaction_id = any(array_agg(t.id))
                 and r.state = 'approved')::text as refunded
         from transactions t
        where mode = 'local' and state <> 'failed_to_create'
          and ('BCA' in (upper(regexp_replace(coalesce(bank, ''), '[^a-zA-Z0-9]', '', 'g')),
                         upper(regexp_replace(coalesce(payment_channel, ''), '[^a-zA-Z0-9]', '', 'g'))))`,
      );
      expect(want!.paid).toBeGreaterThan(0);
      expect(totals.paidCount).toBe(want!.paid);
      expect(exact(totals.paidAmount)).toBe(exact(want!.amount));
      expect(totals.unknownFeeCount).toBe(want!.unknown);
      expect(exact(totals.refunded)).toBe(exact(want!.refunded));
    },
  );

  it(
    "follow a row whose state, fee, settlement or bank changes after it was counted",
    { timeout: 180_000 },
    async () => {
      const steps = [
        "update transactions set state = 'paid', paid_at = created_at + interval '5 minutes', fee = null where state = 'active' and channel = 'qris'",
        "update transactions set fee = 1500 where fee is null and state = 'paid' and channel = 'qris'",
        "update transactions set state = 'settled', settled_at = paid_at + interval '1 day' where state = 'paid' and bank = 'bca'",
        "update transactions set bank = 'BNI', payment_channel = null where channel = 'payment-link' and state = 'settled'",
        "update transactions set fee = null where state = 'settled' and fee = 0",
        "update transactions set state = 'expired' where state = 'unconfirmed'",
        "delete from transactions where state = 'expired' and mode = 'production' and channel = 'counter'",
        `insert into transactions (mode, channel, bank, title, amount, state, created_at)
       values ('local', 'virtual-account', 'Bca', 'Baru', 55000.25, 'active', now())`,
      ];
      for (const step of steps) {
        await run(step);
        await everyFilterMatchesTheRows();
      }
    },
  );

  it(
    "stay exact when writes race the triggers' maintenance, committed or rolled back",
    { timeout: 120_000 },
    async () => {
      const ids = (
        await run<{ id: string }>(
          "select id from transactions where mode = 'local' and state <> 'failed_to_create' order by id",
        )
      ).map((r) => r.id);
      const pool = new pg.Pool({ connectionString: db.url(), max: 8 });
      try {
        // Eight writers at once, each touching rows of the same keys in another order.
        const results = await Promise.allSettled(
          Array.from({ length: 8 }, async (_, w) => {
            const client = await pool.connect();
            try {
              await client.query("begin");
              const mine = ids.filter((_, i) => i % 8 === w).reverse();
              await client.query(
                "update transactions set state = 'paid', fee = 1000 + $2::int, paid_at = coalesce(paid_at, now()) where id = any($1::uuid[])",
                [mine, w],
              );
              await client.query(
                `insert into transactions (mode, channel, bank, title, amount, state) values ('local', 'virtual-account', 'BCA', 'Race', 1000 + $1::int, 'active')`,
                [w],
              );
              await client.query(w % 3 === 0 ? "rollback" : "commit");
            } finally {
              client.release();
            }
          }),
        );
        expect(results.filter((r) => r.status === "rejected")).toEqual([]);
      } finally {
        await pool.end();
      }
      const [races] = await run<{ n: number }>(
        "select count(*)::int as n from transactions where title = 'Race'",
      );
      expect(races!.n).toBe(5);
      await everyFilterMatchesTheRows();
    },
  );
});
