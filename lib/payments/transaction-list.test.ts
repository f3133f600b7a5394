import { randomUUID } from "node:crypto";
import { compactIdentifier, searchedAmount } from "@/lib/core/search-terms";
import { getDb } from "@/db/client";
import {
  totalsQuery,
  totalsSource,
  type TotalsGrouping,
  type TotalsSource,
} from "@/db/queries/transaction-totals";
import { beforeAll, describe, expect, it } from "vitest";
import { queryTestDb, withTestDatabase } from "@/testing/database";
import { exact, sameSpelling } from "@/testing/list-totals";
import { emptyFilter, type TransactionFilter } from "@/lib/core/transaction-filter/vocabulary";
import { parseTransactionFilter } from "@/lib/core/transaction-filter/parse";
import { serializeTransactionFilter } from "@/lib/core/transaction-filter/url";
import { dayStart } from "@/lib/core/time";
import { getTransactionListPage } from "./transaction-list";
import { resolveFilter } from "@/lib/core/transaction-filter/resolve";
import type { TransactionListItem } from "./transaction-list-types";

const db = withTestDatabase();

// A fixed "now" (Wed 25 Nov 2026, 10:00 WIB), so periods are exact.
const now = new Date("2026-11-25T03:00:00Z");
const zone = "Asia/Jakarta" as const;

type Fixture = {
  id: string;
  mode: "local" | "production";
  channel: string;
  bank: string | null;
  payment_channel: string | null;
  external_id: string;
  purwantara_uuid: string;
  title: string;
  description: string | null;
  customer_name: string | null;
  customer_email: string | null;
  customer_phone: string | null;
  va_number: string | null;
  payment_code: string | null;
  amount: number;
  fee: number | null;
  state: string;
  flags: string[];
  created_at: Date;
  paid_at: Date | null;
  settled_at: Date | null;
  created_by: string | null;
};

const channels = [
  "virtual-account",
  "qris",
  "ewallet-ovo",
  "ewallet-shopeepay",
  "payment-link",
  "counter",
];
const states = [
  "active",
  "paid",
  "settled",
  "expired",
  "failed_to_create",
  "unconfirmed",
  "cancelled",
  "paid",
];
const banks = ["BCA", "BNI", "BRI", "MANDIRI"];
const names = ["Budi Santoso", "Siti Rahma", "Agus Wijaya", "Dewi Lestari", "Rina Kusuma"];
const fixtures: Fixture[] = [];
let userA = "";
let userB = "";

function makeFixtures() {
  for (let i = 0; i < 240; i++) {
    const channel = channels[i % channels.length]!;
    const state = states[(i * 7) % states.length]!;
    // Created over the last ~45 days, several rows sharing a microsecond.
    const created = new Date(now.getTime() - Math.floor(i / 2) * 9 * 3600_000 - 123);
    const paid =
      state === "paid" || state === "settled"
        ? new Date(created.getTime() + (i % 5) * 600_000)
        : null;
    const settled = state === "settled" ? new Date(created.getTime() + 86_400_000) : null;
    const name = names[i % names.length]!;
    fixtures.push({
      id: randomUUID(),
      mode: i % 23 === 0 ? "production" : "local",
      channel,
      bank: channel === "virtual-account" ? banks[i % banks.length]! : null,
      payment_channel: channel === "qris" ? (i % 2 ? "DANA" : "shopeepay") : null,
      external_id: `INV-${1000 + i}`,
      purwantara_uuid: randomUUID(),
      title: i % 10 === 0 ? `Kopi susu ${i}` : `Order ${i}`,
      description: i % 4 === 0 ? `Catering 50% deposit ${i}` : null,
      customer_name: name,
      customer_email: `${name.split(" ")[0]!.toLowerCase()}${i}@example.co.id`,
      customer_phone: i % 3 === 0 ? `0812${String(100000 + i)}` : null,
      va_number: channel === "virtual-account" ? `88001${String(10000 + i)}` : null,
      payment_code: channel === "counter" ? `ALF${String(5000 + i)}` : null,
      amount: 10_000 + ((i * 7919) % 500) * 1000,
      // QRIS, Alfamart and payment-link fees arrive later: half of them are not known yet.
      fee:
        paid && !(["qris", "counter", "payment-link"].includes(channel) && i % 12 < 6)
          ? 1500 + (i % 3) * 500
          : null,
      state,
      flags:
        i % 11 === 0
          ? ["needs_review"]
          : i % 13 === 0
            ? ["amount_mismatch", "outside_dashboard"]
            : [],
      created_at: created,
      paid_at: paid,
      settled_at: settled,
      created_by: i % 2 ? userA : i % 5 === 0 ? null : userB,
    });
  }
}

async function insert(rows: Fixture[]) {
  const json = rows.map((r) => ({ ...r, total: r.fee === null ? null : r.amount + r.fee }));
  await queryTestDb(
    db.url(),
    `insert into transactions (id, mode, channel, bank, payment_channel, external_id, purwantara_uuid, title,
       description, customer_name, customer_email, customer_phone, va_number, payment_code, amount, fee, total,
       state, flags, created_at, paid_at, settled_at, created_by)
     select id, mode, channel, bank, payment_channel, external_id, purwantara_uuid, title,
       description, customer_name, customer_email, customer_phone, va_number, payment_code, amount, fee, total,
       state, flags, created_at, paid_at, settled_at, created_by
     from json_populate_recordset(null::transactions, $1::json)`,
    [JSON.stringify(json)],
  );
}

beforeAll(async () => {
  const users = await queryTestDb<{ id: string }>(
    db.url(),
    `insert into users (email, name, password_hash, role) values ('a@list.test', 'Ana', 'x', 'operator'),
       ('b@list.test', 'Bob', 'x', 'admin') returning id`,
  );
  userA = users[0]!.id;
  userB = users[1]!.id;
  makeFixtures();
  await insert(fixtures);
});

/** The reference: which fixtures a filter means, in its order. */
function expected(filter: TransactionFilter): Fixture[] {
  const range = resolveFilter(filter, "local", zone, now);
  const q = filter.q.toLowerCase();
  const rows = fixtures.filter((r) => {
    if (r.mode !== "local") return false;
    if (filter.status.length) {
      if (!filter.status.includes(r.state as never)) return false;
    } else if (!filter.includeNotCreated && r.state === "failed_to_create") return false;
    if (filter.channel.length && !filter.channel.includes(r.channel as never)) return false;
    if (
      filter.bank.length &&
      !filter.bank.some(
        (b) =>
          b.toUpperCase() === r.bank?.toUpperCase() ||
          b.toUpperCase() === r.payment_channel?.toUpperCase(),
      )
    )
      return false;
    const time = { created: r.created_at, paid: r.paid_at, settled: r.settled_at }[filter.on];
    if (range.start && (!time || time < range.start)) return false;
    if (range.end && (!time || time >= range.end)) return false;
    if (filter.min && r.amount < Number(filter.min)) return false;
    if (filter.max && r.amount > Number(filter.max)) return false;
    if (filter.by && r.created_by !== filter.by) return false;
    if (filter.flag.length && !filter.flag.some((f) => r.flags.includes(f))) return false;
    if (q) {
      const exact = [
        r.external_id,
        r.purwantara_uuid,
        r.va_number,
        r.payment_code,
        r.id,
        r.customer_phone,
      ].some(
        (v) => v !== null && [q, compactIdentifier(q)?.toLowerCase()].includes(v.toLowerCase()),
      );
      const doc = [
        r.title,
        r.description,
        r.customer_name,
        r.customer_email,
        r.customer_phone,
        r.external_id,
      ]
        .map((v) => v ?? "")
        .join(" ")
        .toLowerCase();
      const amount = searchedAmount(q) === String(r.amount);
      if (!exact && !amount && !(q.length >= 3 && doc.includes(q))) return false;
    }
    return true;
  });
  const key = (r: Fixture): number | bigint =>
    filter.sort === "amount"
      ? r.amount
      : filter.sort === "paid"
        ? (r.paid_at?.getTime() ?? (filter.dir === "desc" ? -Infinity : Infinity))
        : r.created_at.getTime();
  const sign = filter.dir === "asc" ? 1 : -1;
  return rows.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka !== kb) return ka < kb ? -sign : sign;
    return a.id < b.id ? -sign : sign;
  });
}

async function allPages(filter: TransactionFilter, limit = 17): Promise<TransactionListItem[]> {
  const resolved = resolveFilter(filter, "local", zone, now);
  const seen: TransactionListItem[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const page = await getTransactionListPage(resolved, { cursor, limit });
    seen.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return seen;
}

function f(query: string): TransactionFilter {
  return parseTransactionFilter(new URLSearchParams(query)).filter;
}

const cases: [string, string][] = [
  ["unfiltered (Not created hidden)", ""],
  ["Not created included", "include=not_created"],
  ["one status", "status=paid"],
  ["several statuses", "status=paid,settled"],
  ["status names Not created", "status=failed_to_create"],
  ["one channel", "channel=qris"],
  ["several channels", "channel=qris,virtual-account"],
  ["bank", "bank=BCA,bni"],
  ["payment channel the buyer used", "bank=DANA"],
  ["today", "period=today"],
  ["yesterday", "period=yesterday"],
  ["last 7 days", "period=7d"],
  ["last 30 days", "period=30d"],
  ["this month", "period=month"],
  ["last month", "period=last_month"],
  ["custom days", "from=2026-11-10&to=2026-11-12"],
  ["open-ended from", "from=2026-11-20"],
  ["paid time", "on=paid&period=7d"],
  ["settled time", "on=settled&from=2026-11-01&to=2026-11-20"],
  ["amount range", "min=100000&max=300.000"],
  ["min only", "min=400000"],
  ["created by", "by=USER_A"],
  ["one flag", "flag=needs_review"],
  ["any of flags", "flag=amount_mismatch,needs_review"],
  ["outside the dashboard", "flag=outside_dashboard"],
  [
    "combined",
    "status=paid,settled&channel=virtual-account,qris&period=30d&min=20000&flag=needs_review",
  ],
  ["search external id", "q=INV-1010"],
  ["search purwantara uuid", "q=UUID_7"],
  ["search id", "q=ID_9"],
  ["search VA number", "q=8800110006"],
  ["search payment code", "q=ALF5005"],
  ["search title word", "q=kopi"],
  ["search description (LIKE wildcard is literal)", "q=50%"],
  ["search customer name", "q=siti"],
  ["search email", "q=agus2@example"],
  ["search phone as typed with +62", "q=%2B62812100003"],
  ["search phone part", "q=812100009"],
  ["search too short for words", "q=ko"],
  ["search amount written with dots", "q=AMOUNT_DOTS"],
  ["search amount as Rp…rb", "q=AMOUNT_RB"],
  ["search amount as plain digits", "q=AMOUNT_PLAIN"],
  ["search VA number typed in groups", "q=VA_GROUPED"],
  ["sort created ascending", "sort=created&dir=asc"],
  ["sort paid descending (unpaid last)", "sort=paid"],
  ["sort paid ascending (unpaid last)", "sort=paid&dir=asc"],
  ["sort amount descending", "sort=amount"],
  ["sort amount ascending, filtered", "sort=amount&dir=asc&status=paid"],
];

describe("transactions list filters", () => {
  it.each(cases)("%s: every page, in order, exactly the matching rows", async (_name, query) => {
    const q = query
      .replace("USER_A", () => userA)
      .replace("UUID_7", () => fixtures[7]!.purwantara_uuid)
      .replace("ID_9", () => fixtures[9]!.id.toUpperCase())
      .replace("AMOUNT_DOTS", () => fixtures[5]!.amount.toLocaleString("id-ID"))
      .replace("AMOUNT_RB", () => `Rp${fixtures[6]!.amount / 1000}rb`)
      .replace("AMOUNT_PLAIN", () => String(fixtures[7]!.amount))
      .replace("VA_GROUPED", () => fixtures[6]!.va_number!.replace(/(\d{4})(?=\d)/g, "$1+"));
    const filter = f(q);
    const want = expected(
      // The oracle knows +62 phones by their local form, as the search does.
      filter.q.startsWith("+62") ? { ...filter, q: `0${filter.q.slice(3)}` } : filter,
    ).map((r) => r.external_id);
    const got = (await allPages(filter)).map((i) => i.externalId);
    expect(got).toEqual(want);
    if (!["", "include=not_created", "q=ko"].includes(query))
      expect(want.length).toBeGreaterThan(0);
  });

  it("totals cover the whole filtered set, not one page", async () => {
    for (const query of ["", "status=paid,settled&channel=qris", "period=30d&flag=needs_review"]) {
      const filter = f(query);
      const rows = expected(filter);
      const page = await getTransactionListPage(resolveFilter(filter, "local", zone, now), {
        limit: 5,
      });
      const paid = rows.filter((r) => r.state === "paid" || r.state === "settled");
      const open = rows.filter((r) => r.state === "active" || r.state === "unconfirmed");
      const known = paid.filter((r) => r.fee !== null);
      if (query.includes("qris")) expect(known.length).toBeLessThan(paid.length);
      const sum = (xs: number[]) => String(xs.reduce((a, b) => a + BigInt(b), 0n));
      expect(page.items.length).toBeLessThanOrEqual(5);
      expect(page.totals.count).toBe(rows.length);
      expect(page.totals.paidCount).toBe(paid.length);
      expect(exact(page.totals.paidAmount)).toBe(sum(paid.map((r) => r.amount)));
      // An unknown fee is counted as unknown, not added as zero; net is over the known part.
      expect(page.totals.unknownFeeCount).toBe(paid.length - known.length);
      expect(exact(page.totals.fees)).toBe(sum(known.map((r) => r.fee!)));
      expect(exact(page.totals.net)).toBe(sum(known.map((r) => r.amount - r.fee!)));
      expect(page.totals.openCount).toBe(open.length);
      expect(exact(page.totals.openAmount)).toBe(sum(open.map((r) => r.amount)));
    }
  });

  it(
    "the summary tables kept by triggers equal the rows' totals, grouped or not, through inserts, updates and deletes",
    { timeout: 60_000 },
    async () => {
      const answered: [string, TotalsSource][] = [
        ["", "methods"],
        ["include=not_created", "methods"],
        ["status=paid,settled", "methods"],
        ["channel=qris,virtual-account", "methods"],
        ["bank=BCA", "methods"],
        ["on=paid&status=paid,settled&bank=bca,dana", "methods"],
        ["period=7d", "createdSlots"],
        ["period=last_month&status=settled", "createdSlots"],
        ["from=2026-11-01&to=2026-11-20&channel=counter", "createdSlots"],
        ["on=paid&period=7d", "paymentSlots"],
        ["on=paid&period=30d&status=paid,settled&bank=bca,dana", "paymentSlots"],
        ["on=paid&to=2026-11-20&status=paid", "paymentSlots"],
        ["on=settled&from=2026-11-01&to=2026-11-24&channel=virtual-account", "paymentSlots"],
      ];
      const sorted = (rows: Record<string, unknown>[]) =>
        rows.map((r) => JSON.stringify(sameSpelling(r))).sort((x, y) => x.localeCompare(y));
      const words = ["q=kopi", "q=SITI", "q=50%", "q=catering&status=paid,settled", "q=slot"];
      const compare = async () => {
        for (const query of words) {
          const resolved = {
            ...resolveFilter(f(query), "local", zone, now),
            searchMode: "words" as const,
          };
          expect(totalsSource(resolved)).toBe("searchRows");
          const [fromSearch] = (await getDb().execute(totalsQuery(resolved))).rows;
          const [fromRows] = (await getDb().execute(totalsQuery(resolved, {}, "rows"))).rows;
          expect(sameSpelling(fromSearch!), query).toEqual(sameSpelling(fromRows!));
        }
        for (const [query, source] of answered) {
          for (const z of ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"] as const) {
            const resolved = resolveFilter(f(query), "local", z, now);
            const groupings: TotalsGrouping[] = [{}, { channel: true }];
            if (source === "paymentSlots") groupings.push({ day: z, channel: true, bank: true });
            else if (source === "methods") groupings.push({ channel: true, bank: true });
            else groupings.push({ day: z, channel: true });
            for (const grouping of groupings) {
              expect(totalsSource(resolved, grouping)).toBe(source);
              const fromSlots = (await getDb().execute(totalsQuery(resolved, grouping))).rows;
              const fromRows = (await getDb().execute(totalsQuery(resolved, grouping, "rows")))
                .rows;
              expect(sorted(fromSlots), `${query} in ${z}, ${JSON.stringify(grouping)}`).toEqual(
                sorted(fromRows),
              );
            }
          }
        }
      };
      await compare();
      // A callback pays two and settles one, a fee arrives, a row's time moves, a title
      // changes, a stray row is absorbed.
      const run = (text: string, params: unknown[] = []) => queryTestDb(db.url(), text, params);
      await run(
        "update transactions set state = 'paid', fee = 999, paid_at = created_at + interval '1 hour' where external_id in ('INV-1003', 'INV-1004')",
      );
      await run(
        "update transactions set state = 'settled', settled_at = paid_at + interval '2 days' where external_id = 'INV-1003'",
      );
      await run(
        "update transactions set created_at = created_at - interval '20 days', paid_at = paid_at - interval '20 days' where external_id = 'INV-1005'",
      );
      await run("update transactions set title = 'Kopi tubruk' where external_id = 'INV-1006'");
      await run(
        "insert into transactions (mode, channel, bank, title, amount, state, created_at, paid_at) values ('local', 'virtual-account', 'bca', 'Slot', 777, 'paid', $1::timestamptz - interval '3 hours', $1::timestamptz - interval '2 hours')",
        [now.toISOString()],
      );
      await compare();
      await run("delete from transactions where title = 'Slot'");
      await compare();
      // What the summaries cannot answer goes to the rows.
      for (const [query, grouping] of [
        ["q=kopi", {}],
        ["bank=BCA", { day: zone }],
        ["min=1000", {}],
        ["flag=needs_review", {}],
        ["period=7d", { bank: true }],
      ] as const) {
        expect(totalsSource(resolveFilter(f(query), "local", zone, now), grouping)).toBe("rows");
      }
      // Put the fixtures back as the other tests expect them.
      for (const id of ["INV-1003", "INV-1004", "INV-1005", "INV-1006"]) {
        const r = fixtures.find((x) => x.external_id === id)!;
        await run(
          `update transactions set state = $1::transaction_state, fee = $2, created_at = $3, paid_at = $4,
           settled_at = $5, title = $6 where external_id = $7`,
          [r.state, r.fee, r.created_at, r.paid_at, r.settled_at, r.title, id],
        );
      }
      await compare();
    },
  );

  it("the other mode's rows never show, even by exact id", async () => {
    const live = fixtures.find((r) => r.mode === "production")!;
    expect(await allPages(f(`q=${live.external_id}`))).toEqual([]);
    const page = await getTransactionListPage(
      resolveFilter(f(`q=${live.external_id}`), "production", zone, now),
    );
    expect(page.items.map((i) => i.id)).toEqual([live.id]);
  });

  it.each(["", "sort=paid", "sort=amount&dir=asc"])(
    "cursor paging with rows arriving between pages skips and repeats nothing (%s)",
    async (query) => {
      const filter = f(query);
      const before = expected(filter).map((r) => r.id);
      const resolved = resolveFilter(filter, "local", zone, now);
      const seen: string[] = [];
      let cursor: string | null = null;
      for (let pages = 0; pages < 100; pages++) {
        const page = await getTransactionListPage(resolved, { cursor, limit: 20 });
        seen.push(...page.items.map((i) => i.id));
        // New payments arrive (newest, paid now, mid-range amounts) while the reader pages.
        await queryTestDb(
          db.url(),
          `insert into transactions (mode, channel, title, amount, state, created_at, paid_at)
           values ('local', 'qris', 'Arrived', 250000, 'paid', $1, $1)`,
          [new Date(now.getTime() + (pages + 1) * 1000)],
        );
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      expect(new Set(seen).size).toBe(seen.length);
      // Every row that existed when paging began is seen once, in order.
      expect(seen.filter((id) => before.includes(id))).toEqual(before);
      await queryTestDb(db.url(), "delete from transactions where title = 'Arrived'");
    },
  );

  it("a cursor for another sort, or one it cannot read, starts from the top", async () => {
    const resolved = resolveFilter(emptyFilter, "local", zone, now);
    const first = await getTransactionListPage(resolved, { limit: 3 });
    const byAmount = resolveFilter(f("sort=amount"), "local", zone, now);
    const top = await getTransactionListPage(byAmount, { limit: 3 });
    const withForeign = await getTransactionListPage(byAmount, {
      limit: 3,
      cursor: first.nextCursor,
    });
    expect(withForeign.items).toEqual(top.items);
    const junk = await getTransactionListPage(resolved, { limit: 3, cursor: "not-a-cursor" });
    expect(junk.items).toEqual(first.items);
  });
});

describe("transaction filter URL", () => {
  it("round-trips, in one canonical order, defaults left out", () => {
    const query =
      "status=settled,paid&include=not_created&channel=qris&bank=BCA&on=paid&from=2026-11-01&to=2026-11-30&min=Rp 10.000&max=500000&by=0e3a6f47-6c0c-4d3e-9a39-3f1f4c0f0a11&flag=needs_review&q=kopi&sort=amount&dir=asc";
    const once = serializeTransactionFilter(f(query)).toString();
    expect(once).toBe(
      "status=paid%2Csettled&include=not_created&channel=qris&bank=BCA&on=paid&from=2026-11-01&to=2026-11-30&min=10000&max=500000&by=0e3a6f47-6c0c-4d3e-9a39-3f1f4c0f0a11&flag=needs_review&q=kopi&sort=amount&dir=asc",
    );
    expect(serializeTransactionFilter(f(once)).toString()).toBe(once);
    expect(serializeTransactionFilter(emptyFilter).toString()).toBe("");
  });

  it("names what it could not read and keeps the rest", () => {
    const { filter, errors } = parseTransactionFilter(
      new URLSearchParams(
        "status=paid,bogus&from=2026-02-30&to=2026-01-01&min=abc&by=me&period=soon&channel=qris",
      ),
    );
    expect(filter.status).toEqual(["paid"]);
    expect(filter.channel).toEqual(["qris"]);
    expect(filter.from).toBeNull();
    expect(filter.min).toBeNull();
    expect(filter.by).toBeNull();
    expect(errors).toMatchObject({
      status: "status",
      from: "day",
      min: "amount",
      by: "by",
      period: "period",
    });
  });

  it("days are the viewer's: today in WIT starts at 15:00 UTC the day before", () => {
    const range = resolveFilter(f("period=today"), "local", "Asia/Jayapura", now);
    expect(range.start?.toISOString()).toBe("2026-11-24T15:00:00.000Z");
    expect(range.end?.toISOString()).toBe("2026-11-25T15:00:00.000Z");
    expect(dayStart("2026-11-01", "Asia/Jakarta").toISOString()).toBe("2026-10-31T17:00:00.000Z");
    const last = resolveFilter(f("period=last_month"), "local", zone, now);
    expect(last.start?.toISOString()).toBe("2026-09-30T17:00:00.000Z");
    expect(last.end?.toISOString()).toBe("2026-10-31T17:00:00.000Z");
  });
});
