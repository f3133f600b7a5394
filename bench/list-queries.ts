/**
 * The list's queries as the app sends them (db/queries/transaction-list.ts and
 * transaction-totals.ts): each filter's first page, searches, a deep page by cursor and
 * by OFFSET, and the totals, timed with p50/p95. Words are those of `npm run db:seed`.
 */
import { PgDialect } from "drizzle-orm/pg-core";
import type { SQL } from "drizzle-orm";
import type pg from "pg";
import { listPageQuery, offsetPageQuery } from "../db/queries/transaction-list";
import type { ResolvedFilter } from "../lib/core/transaction-filter/resolve";
import { totalsQuery } from "../db/queries/transaction-totals";
import { parseTransactionFilter } from "../lib/core/transaction-filter/parse";
import { resolveDateRange } from "../lib/core/transaction-filter/range";
import { percentile } from "./stats";

const dialect = new PgDialect();

/** The aim for every list and totals query (issue 15), p95 in ms. */
export const queryAimMs = 100;

/** `list` and `totals` are what the app sends; a `baseline` is only there to compare. */
export type NamedQuery = { name: string; kind: "list" | "totals" | "baseline"; query: SQL };

export type Timed = { p50: number; p95: number; rows: number };

/** Runs per query: BENCH_QUERY_RUNS (30), a third of that for the slow baselines. */
export function runsFor(kind: NamedQuery["kind"]): number {
  const runs = Number(process.env.BENCH_QUERY_RUNS ?? 30);
  return kind === "baseline" ? Math.max(5, Math.floor(runs / 3)) : runs;
}

export async function timeQuery(client: pg.Client, query: SQL, runs: number): Promise<Timed> {
  const { sql: text, params } = dialect.sqlToQuery(query);
  const times: number[] = [];
  let rows = 0;
  await client.query(text, params); // warm the cache and the plan
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    rows = (await client.query(text, params)).rowCount ?? 0;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), rows };
}

/** A filter as the app resolves it; a search runs as the app decides (ids exact, else words). */
function resolved(query: string, searchMode?: "exact" | "words"): ResolvedFilter {
  const { filter } = parseTransactionFilter(new URLSearchParams(query));
  const { start, end } = resolveDateRange(filter, "Asia/Jakarta");
  return {
    filter,
    mode: "local",
    start,
    end,
    searchMode: filter.q ? (searchMode ?? "words") : undefined,
  };
}

/** The list's page query exactly as the app sends it (50 rows and one to know if more follow). */
function page(r: ResolvedFilter, cursor: { key: string; id: string } | null = null): SQL {
  return listPageQuery(r, { cursor, limit: 51 });
}

const combined = "status=paid,settled&channel=virtual-account&bank=BCA&period=30d&min=100000";

/** Ids of one row (for the exact searches) and one creator, read from the database. */
async function samples(client: pg.Client) {
  const row = (
    await client.query<{ external_id: string; purwantara_uuid: string; va_number: string }>(
      "select external_id, purwantara_uuid, va_number from transactions where va_number is not null and state <> 'failed_to_create' order by created_at desc offset 100 limit 1",
    )
  ).rows[0]!;
  const creator = (
    await client.query<{ id: string }>(
      "select created_by as id from transactions where created_by is not null limit 1",
    )
  ).rows[0]!.id;
  return { ...row, creator };
}

function filterPages(creator: string): [string, string][] {
  return [
    ["first page, unfiltered", ""],
    ["status=paid,settled", "status=paid,settled"],
    ["channel=qris", "channel=qris"],
    ["bank=BCA", "bank=BCA"],
    ["period=7d", "period=7d"],
    ["on=paid&period=month", "on=paid&period=month"],
    ["min/max amount", "min=500000&max=600000"],
    ["by=<user>", `by=${creator}`],
    ["flag=needs_review", "flag=needs_review"],
    ["sort=paid", "sort=paid"],
    ["sort=amount&dir=asc", "sort=amount&dir=asc"],
    ["combined", combined],
    ["search amount '150.000'", "q=150.000"],
  ];
}

/** 1,000 pages of 50 deep: the cursor of row 50,000, and OFFSET 49,950 as the baseline. */
async function deepPages(client: pg.Client, rows: number): Promise<NamedQuery[]> {
  const deep = Math.min(50_000, Math.floor(rows * 0.9));
  const unfiltered = resolved("");
  const cursor = (
    await client.query<{ key: string; id: string }>(
      `select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as key, id
       from transactions where mode = 'local' and state <> 'failed_to_create'
       order by created_at desc, id desc offset $1 limit 1`,
      [deep - 1],
    )
  ).rows[0]!;
  const pages = Math.round(deep / 50);
  return [
    { name: `page ${pages} deep, cursor`, kind: "list", query: page(unfiltered, cursor) },
    {
      name: `page ${pages} deep, OFFSET (baseline)`,
      kind: "baseline",
      query: offsetPageQuery(unfiltered, deep, 51),
    },
  ];
}

function totals(): NamedQuery[] {
  const out: NamedQuery[] = [];
  const add = (name: string, query: string, withRows = false) => {
    out.push({ name: `totals, ${name}`, kind: "totals", query: totalsQuery(resolved(query)) });
    if (withRows)
      out.push({
        name: `totals, ${name}, from the rows (baseline)`,
        kind: "baseline",
        query: totalsQuery(resolved(query), {}, "rows"),
      });
  };
  add("unfiltered", "", true);
  add("period=30d", "period=30d");
  add("status=paid,settled&channel=qris", "status=paid,settled&channel=qris");
  add("bank=BCA", "bank=BCA");
  add("min/max amount", "min=500000&max=600000");
  add("combined", combined);
  for (const word of ["seminar", "hidayat", "Hendra Hidayat"])
    add(`search word '${word}'`, `q=${word}`, true);
  add("search amount '150.000'", "q=150.000");
  return out;
}

/** Every query of the section, with the ids and cursors of this database's rows. */
export async function listQueries(client: pg.Client, rows: number): Promise<NamedQuery[]> {
  const s = await samples(client);
  const out: NamedQuery[] = filterPages(s.creator).map(([name, query]) => ({
    name,
    kind: "list",
    query: page(resolved(query)),
  }));
  const exact = (name: string, id: string) =>
    out.push({ name, kind: "list", query: page(resolved(`q=${id}`, "exact")) });
  exact("search exact external id", s.external_id);
  exact("search exact purwantara uuid", s.purwantara_uuid);
  exact("search exact VA number", s.va_number);
  for (const [name, q] of [
    ["search word (title: 'seminar')", "seminar"],
    ["search word (customer: 'Hendra Hidayat')", "Hendra Hidayat"],
    ["search word (surname: 'hidayat')", "hidayat"],
    ["search rare word (email 'hendra.hidayat42@')", "hendra.hidayat42@"],
  ] as const) {
    out.push({ name, kind: "list", query: page(resolved(`q=${q}`)) });
  }
  out.push(...(await deepPages(client, rows)), ...totals());
  return out;
}

/** EXPLAIN (ANALYZE, BUFFERS) of one query, as text. */
export async function explain(client: pg.Client, query: SQL): Promise<string> {
  const { sql: text, params } = dialect.sqlToQuery(query);
  const plan = await client.query<{ "QUERY PLAN": string }>(
    `explain (analyze, buffers, costs off) ${text}`,
    params,
  );
  return plan.rows.map((r) => r["QUERY PLAN"]).join("\n");
}

/**
 * The queries on one database, p50/p95 each (`npm run bench`'s single-dataset table).
 * BENCH_PLANS=1 prints the plan of each app query over the aim; BENCH_PLANS=all, of every one.
 */
export async function queryFigures(client: pg.Client, rows: number) {
  const out: Record<string, Timed> = {};
  const queries = await listQueries(client, rows);
  for (const q of queries) out[q.name] = await timeQuery(client, q.query, runsFor(q.kind));
  for (const q of queries) {
    const slow = q.kind !== "baseline" && out[q.name]!.p95 >= queryAimMs;
    if (process.env.BENCH_PLANS === "all" || (process.env.BENCH_PLANS && slow))
      console.log(`\nEXPLAIN ANALYZE — ${q.name}\n${await explain(client, q.query)}`);
  }
  return out;
}
