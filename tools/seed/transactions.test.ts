import pg from "pg";
import { describe, expect, it } from "vitest";
import { transactionChannel, transactionState } from "@/db/schema";
import { queryTestDb, withTestDatabase } from "@/testing/database";
import { seedTransactions } from "./transactions";

const db = withTestDatabase();

/** TRUNCATE fires no row triggers: the summary tables are emptied with the rows. */
const emptyTransactions =
  "truncate transactions, transaction_search, transaction_slot_totals, transaction_payment_totals cascade";

/** pg_stats' correlation of created_at with the rows' physical order (1: same order). */
async function createdAtCorrelation(url: string): Promise<number> {
  await queryTestDb(url, "analyze transactions");
  const [row] = await queryTestDb<{ correlation: number }>(
    url,
    "select correlation from pg_stats where tablename = 'transactions' and attname = 'created_at'",
  );
  return Number(row!.correlation);
}

describe("db:seed", () => {
  it("inserts N realistic rows: every channel and status, two years, fees, settlements, flags", async () => {
    const now = new Date("2026-11-20T05:00:00Z");
    const client = new pg.Client({ connectionString: db.url() });
    await client.connect();
    try {
      await seedTransactions(client, { rows: 20_000, mode: "sandbox", now, batchSize: 7_000 });
    } finally {
      await client.end();
    }
    const q = <T extends pg.QueryResultRow>(sql: string) => queryTestDb<T>(db.url(), sql);
    expect((await q<{ n: number }>("select count(*)::int as n from transactions"))[0]!.n).toBe(
      20_000,
    );
    expect(
      (
        await q<{ n: number }>(
          "select count(*)::int as n from transactions where mode <> 'sandbox'",
        )
      )[0]!.n,
    ).toBe(0);

    const channels = await q<{ channel: string }>(
      "select distinct channel::text from transactions",
    );
    expect(channels.map((c) => c.channel).sort()).toEqual(
      [...transactionChannel.enumValues].sort(),
    );
    const states = await q<{ state: string; n: number }>(
      "select state::text, count(*)::int as n from transactions group by 1",
    );
    // Every state but `creating`, which lasts only while a create call is in flight.
    expect(states.map((s) => s.state).sort()).toEqual(
      transactionState.enumValues.filter((s) => s !== "creating").sort(),
    );
    const share = (state: string) => (states.find((s) => s.state === state)?.n ?? 0) / 20_000;
    expect(share("settled") + share("paid")).toBeGreaterThan(0.55);
    expect(share("expired")).toBeGreaterThan(0.1);

    const [facts] = await q<Record<string, number | string>>(`
      select min(created_at)::text as first, max(created_at)::text as last,
        count(*) filter (where created_at > '2026-11-20T05:00:00Z')::int as future,
        count(*) filter (where channel = 'virtual-account' and state = 'settled' and (va_number is null or bank is null))::int as va_missing,
        count(*) filter (where channel = 'qris' and state = 'settled' and qr_string not like '000201%')::int as qr_missing,
        count(*) filter (where channel = 'counter' and state = 'settled' and payment_code is null)::int as code_missing,
        count(*) filter (where channel = 'payment-link' and payment_link_url is null)::int as link_missing,
        count(*) filter (where state = 'settled' and (settled_at <= paid_at or fee is null))::int as bad_settled,
        count(*) filter (where state in ('paid', 'settled') and paid_at < created_at)::int as paid_before_created,
        count(*) filter (where 'outside_dashboard' = any(flags))::int as outside,
        count(*) filter (where 'outside_dashboard' = any(flags) and (external_id is not null or created_by is not null))::int as outside_with_creator,
        count(*) filter (where 'needs_review' = any(flags))::int as review,
        count(*) filter (where 'paid_after_expiry' = any(flags))::int as late,
        count(distinct created_by)::int as creators,
        count(*) filter (where customer_phone is not null and customer_phone !~ '^08[0-9]{10}$')::int as bad_phone,
        count(*) filter (where customer_email is not null and customer_email !~ '^[a-z]+\\.[a-z]+[0-9]+@')::int as bad_email
      from transactions`);
    expect(facts).toMatchObject({
      future: 0,
      va_missing: 0,
      qr_missing: 0,
      code_missing: 0,
      link_missing: 0,
      bad_settled: 0,
      paid_before_created: 0,
      outside_with_creator: 0,
      bad_phone: 0,
      bad_email: 0,
    });
    // Two years back, thinning out towards the start (the business grew).
    expect(String(facts!.first) >= "2024-11-19").toBe(true);
    expect(String(facts!.first) < "2025-03-01").toBe(true);
    expect(Number(facts!.outside)).toBeGreaterThan(0);
    expect(Number(facts!.review)).toBeGreaterThan(0);
    expect(Number(facts!.late)).toBeGreaterThan(0);
    expect(Number(facts!.creators)).toBeGreaterThanOrEqual(3);
    // Busier on weekdays than at weekends.
    const [week] = await q<{ weekday: number; weekend: number }>(`
      select count(*) filter (where extract(isodow from created_at at time zone 'Asia/Jakarta') < 6)::float / 5 as weekday,
             count(*) filter (where extract(isodow from created_at at time zone 'Asia/Jakarta') >= 6)::float / 2 as weekend
        from transactions`);
    expect(week!.weekday).toBeGreaterThan(week!.weekend);
    // Written as traffic arrives: the table's physical order is created_at's order.
    expect(await createdAtCorrelation(db.url())).toBeGreaterThan(0.99);
    // 20,000 rows through every summary trigger (migrations 0008, 0010): 6–18 s on 2 busy cores.
  }, 90_000);

  it("in random order on request: the same kind of rows, in no order of time", async () => {
    await queryTestDb(db.url(), emptyTransactions);
    const client = new pg.Client({ connectionString: db.url() });
    await client.connect();
    try {
      await seedTransactions(client, { rows: 5_000, mode: "local", order: "random" });
    } finally {
      await client.end();
    }
    const [facts] = await queryTestDb<{ n: number; future: number }>(
      db.url(),
      "select count(*)::int as n, count(*) filter (where created_at > now())::int as future from transactions",
    );
    expect(facts).toEqual({ n: 5_000, future: 0 });
    expect(Math.abs(await createdAtCorrelation(db.url()))).toBeLessThan(0.2);
  }, 60_000);

  it("can build the indexes after the rows: the same indexes, answering the same", async () => {
    const indexes = () =>
      queryTestDb<{ definition: string }>(
        db.url(),
        "select indexdef as definition from pg_indexes where tablename in ('transactions', 'transaction_search') order by indexname",
      );
    const before = await indexes();
    await queryTestDb(db.url(), emptyTransactions);
    const client = new pg.Client({ connectionString: db.url() });
    await client.connect();
    try {
      await seedTransactions(client, { rows: 3_000, mode: "local", deferIndexes: true });
    } finally {
      await client.end();
    }
    expect(await indexes()).toEqual(before);
    const [counts] = await queryTestDb<{ rows: number; searched: number }>(
      db.url(),
      "select (select count(*)::int from transactions) as rows, (select count(*)::int from transaction_search) as searched",
    );
    expect(counts).toEqual({ rows: 3_000, searched: 3_000 });
  }, 60_000);
});
