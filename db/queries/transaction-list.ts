import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import pg from "pg";
import type {
  FilterChannel,
  FilterState,
  TransactionFilter,
} from "@/lib/payments/transaction-filter";
import { effectiveStates } from "@/lib/payments/transaction-filter";
import type { GatewayMode } from "@/lib/purwantara/contract";
import { getDb, getPool } from "../client";
import type { TransactionChannel, TransactionState } from "../schema";

// The filter's lists are written out in lib/payments/transaction-filter.ts (the browser
// must not import the schema); these fail to compile when they and the enums drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const statesMatch: Same<FilterState, TransactionState> = true;
const channelsMatch: Same<FilterChannel, TransactionChannel> = true;
void statesMatch;
void channelsMatch;

/**
 * THE SQL of a transactions filter. The list, its totals, the export, the overview and
 * the reconciliation all build their WHERE here, so a number and the list behind it
 * always count the same rows.
 */
export type ResolvedFilter = {
  filter: TransactionFilter;
  mode: GatewayMode;
  /** The date window as instants, [start, end). */
  start: Date | null;
  end: Date | null;
  /**
   * How `filter.q` searches: "exact" (ids, phone: equality on their indexes), "words"
   * (the trigram index), or both when unset. `withSearchMode` picks: exact when some row
   * of the mode has that id, so a pasted id is answered from an index at any size.
   */
  searchMode?: "exact" | "words" | "both";
};

const t = sql.identifier("t");

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The text a word search looks in; the same expression as the trigram index
 * transactions_search_trgm_idx, so the index serves the ILIKE.
 */
export const searchDocument = sql.raw(
  `(coalesce(t.title, '') || ' ' || coalesce(t.description, '') || ' ' || coalesce(t.customer_name, '') || ' ' || coalesce(t.customer_email, '') || ' ' || coalesce(t.customer_phone, '') || ' ' || coalesce(t.external_id, ''))`,
);

/** Shortest text a word search runs for: trigrams need three characters. */
export const minWordSearch = 3;

function exactIdConditions(text: string): SQL[] {
  // Exact ids are equalities on their own indexes: instant at any size.
  const exact: SQL[] = [
    sql`${t}.external_id = ${text}`,
    sql`${t}.purwantara_uuid = ${text}`,
    sql`${t}.va_number = ${text}`,
    sql`${t}.payment_code = ${text}`,
  ];
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text)) {
    exact.push(sql`${t}.id = ${text.toLowerCase()}::uuid`);
  }
  // A phone typed as 0812… also finds +62812… and 62812…, and the other way round.
  const digits = text.replace(/[\s-]/g, "");
  if (/^(\+?62|0)8\d{6,13}$/.test(digits)) {
    const local = digits.replace(/^(\+?62)/, "0");
    const national = local.slice(1);
    for (const phone of [local, `62${national}`, `+62${national}`]) {
      exact.push(sql`${t}.customer_phone = ${phone}`);
    }
  }
  return exact;
}

export function searchCondition(q: string, mode: "exact" | "words" | "both" = "both"): SQL | null {
  const text = q.trim();
  if (!text) return null;
  const parts = mode === "words" ? [] : exactIdConditions(text);
  if (mode !== "exact" && text.length >= minWordSearch) {
    parts.push(sql`${searchDocument} ilike ${likePattern(text)}`);
  }
  if (parts.length === 0) return sql`false`;
  return sql`(${sql.join(parts, sql` or `)})`;
}

/**
 * Decides how a filter's search runs: a text that is some row's exact id (or phone)
 * finds exactly those rows; any other text searches words. One indexed lookup.
 */
export async function withSearchMode(resolved: ResolvedFilter): Promise<ResolvedFilter> {
  const text = resolved.filter.q.trim();
  if (!text || resolved.searchMode) return resolved;
  const result = await getDb().execute<{ found: boolean }>(
    sql`select exists (select 1 from transactions t where ${t}.mode = ${resolved.mode} and (${sql.join(
      exactIdConditions(text),
      sql` or `,
    )})) as found`,
  );
  return { ...resolved, searchMode: result.rows[0]?.found ? "exact" : "words" };
}

const timeColumn = {
  created: sql.raw("t.created_at"),
  paid: sql.raw("t.paid_at"),
  settled: sql.raw("t.settled_at"),
} as const;

/** The WHERE of a filter (without sort or cursor), over `transactions t`. */
export function transactionFilterWhere(resolved: ResolvedFilter): SQL {
  const { filter, mode, start, end } = resolved;
  const parts: SQL[] = [sql`${t}.mode = ${mode}`];
  const states = effectiveStates(filter);
  if (!filter.status.length && !filter.includeNotCreated) {
    // The default: every state but Not created (one comparison, not a list of eight).
    parts.push(sql`${t}.state <> 'failed_to_create'`);
  } else if (states) {
    parts.push(
      states.length === 1
        ? sql`${t}.state = ${states[0]}`
        : sql`${t}.state in (${sql.join(
            states.map((s) => sql`${s}`),
            sql`, `,
          )})`,
    );
  }
  if (filter.channel.length) {
    parts.push(
      sql`${t}.channel in (${sql.join(
        filter.channel.map((c) => sql`${c}`),
        sql`, `,
      )})`,
    );
  }
  if (filter.bank.length) {
    const banks = sql.join(
      filter.bank.map((b) => sql`${b.toUpperCase()}`),
      sql`, `,
    );
    parts.push(sql`(upper(${t}.bank) in (${banks}) or upper(${t}.payment_channel) in (${banks}))`);
  }
  const column = timeColumn[filter.on];
  if (start) parts.push(sql`${column} >= ${start.toISOString()}::timestamptz`);
  if (end) parts.push(sql`${column} < ${end.toISOString()}::timestamptz`);
  if (filter.min) parts.push(sql`${t}.amount >= ${filter.min}::numeric`);
  if (filter.max) parts.push(sql`${t}.amount <= ${filter.max}::numeric`);
  if (filter.by) parts.push(sql`${t}.created_by = ${filter.by}::uuid`);
  if (filter.flag.length) {
    // The flags GIN index is partial (flags <> '{}'): saying so lets the planner use it.
    parts.push(
      sql`(${t}.flags <> '{}'::text[] and ${t}.flags && ${`{${filter.flag.join(",")}}`}::text[])`,
    );
  }
  const search = searchCondition(filter.q, resolved.searchMode);
  if (search) parts.push(search);
  return sql.join(parts, sql` and `);
}

/**
 * Sort keys, each with a matching index (migration): created → (mode, created_at, id);
 * amount → (mode, amount, id); paid → (mode, coalesce(paid_at, ∓infinity), id), so
 * unpaid rows come last in both directions and the keyset is one row comparison.
 */
function sortKey(filter: TransactionFilter): SQL {
  switch (filter.sort) {
    case "created":
      return sql`${t}.created_at`;
    case "amount":
      return sql`${t}.amount`;
    case "paid":
      return filter.dir === "desc"
        ? sql`coalesce(${t}.paid_at, '-infinity'::timestamptz)`
        : sql`coalesce(${t}.paid_at, 'infinity'::timestamptz)`;
  }
}

function sortCast(filter: TransactionFilter): SQL {
  return filter.sort === "amount" ? sql.raw("numeric") : sql.raw("timestamptz");
}

/** A keyset position: the sort key as text (exact: microseconds, numeric) and the id. */
export type ListCursor = { key: string; id: string };

function orderBy(filter: TransactionFilter): SQL {
  const dir = sql.raw(filter.dir === "asc" ? "asc" : "desc");
  return sql`${sortKey(filter)} ${dir}, ${t}.id ${dir}`;
}

function keysetCondition(filter: TransactionFilter, cursor: ListCursor): SQL {
  const op = sql.raw(filter.dir === "asc" ? ">" : "<");
  return sql`(${sortKey(filter)}, ${t}.id) ${op} (${cursor.key}::${sortCast(filter)}, ${cursor.id}::uuid)`;
}

/** The key as text that casts back exactly (timestamps in UTC to the microsecond). */
function sortKeyText(filter: TransactionFilter): SQL {
  if (filter.sort === "amount") return sql`${t}.amount::text`;
  return sql`(case when ${sortKey(filter)} in ('infinity'::timestamptz, '-infinity'::timestamptz) then ${sortKey(filter)}::text else to_char(${sortKey(filter)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') end)`;
}

/** The columns the list and its export read, under the names the app uses. */
const listColumns = sql.raw(`t.id, t.mode, t.channel, t.bank, t.payment_channel as "paymentChannel",
  t.title, t.external_id as "externalId", t.purwantara_uuid as "purwantaraUuid",
  t.amount::text as amount, t.fee::text as fee, t.total::text as total,
  t.raw_status as "rawStatus", t.state, t.flags, t.payment_link_url as "paymentLinkUrl",
  t.va_number as "vaNumber", t.payment_code as "paymentCode",
  t.customer_name as "customerName",
  t.created_at as "createdAt", t.paid_at as "paidAt", t.settled_at as "settledAt",
  t.expires_at as "expiresAt"`);

export type ListRow = {
  id: string;
  mode: GatewayMode;
  channel: string;
  bank: string | null;
  paymentChannel: string | null;
  title: string | null;
  externalId: string | null;
  purwantaraUuid: string | null;
  amount: string;
  fee: string | null;
  total: string | null;
  rawStatus: string | null;
  state: string;
  flags: string[];
  paymentLinkUrl: string | null;
  vaNumber: string | null;
  paymentCode: string | null;
  customerName: string | null;
  createdAt: Date;
  paidAt: Date | null;
  settledAt: Date | null;
  expiresAt: Date | null;
};

/** The page query (exported for the bench, which times exactly what the app sends). */
export function listPageQuery(
  resolved: ResolvedFilter,
  options: { cursor?: ListCursor | null; limit: number },
): SQL {
  const { filter } = resolved;
  const where = [transactionFilterWhere(resolved)];
  if (options.cursor) where.push(keysetCondition(filter, options.cursor));
  return sql`select ${listColumns}, ${sortKeyText(filter)} as "sortKey"
    from transactions t
    where ${sql.join(where, sql` and `)}
    order by ${orderBy(filter)}
    limit ${options.limit}`;
}

/** One keyset page of a filter, in its sort; every row carries its cursor. */
export async function listTransactionPage(
  resolved: ResolvedFilter,
  options: { cursor?: ListCursor | null; limit: number },
): Promise<(ListRow & { cursor: ListCursor })[]> {
  const result = await getDb().execute<ListRow & { sortKey: string }>(
    listPageQuery(resolved, options),
  );
  return result.rows.map(({ sortKey: key, ...row }) => ({
    ...row,
    createdAt: new Date(row.createdAt),
    paidAt: row.paidAt ? new Date(row.paidAt) : null,
    settledAt: row.settledAt ? new Date(row.settledAt) : null,
    expiresAt: row.expiresAt ? new Date(row.expiresAt) : null,
    cursor: { key, id: row.id },
  }));
}

/** OFFSET paging of the same query: only the bench's baseline uses it. */
export function offsetPageQuery(resolved: ResolvedFilter, offset: number, limit: number): SQL {
  return sql`select ${listColumns} from transactions t
    where ${transactionFilterWhere(resolved)}
    order by ${orderBy(resolved.filter)} offset ${offset} limit ${limit}`;
}

export type TransactionTotals = {
  count: number;
  /** Paid or settled: what buyers paid. */
  paidCount: number;
  paidAmount: string;
  fees: string;
  /** paidAmount − fees. */
  net: string;
  /** Awaiting payment or unconfirmed: what may still come in. */
  openCount: number;
  openAmount: string;
};

/** What paid means for totals: paid and settled payments. */
export const paidStatesSql = sql.raw(`('paid', 'settled')`);
export const openStatesSql = sql.raw(`('active', 'unconfirmed')`);

export function totalsQuery(resolved: ResolvedFilter): SQL {
  return sql`select s."count", s."paidCount", s."paidAmount"::text as "paidAmount", s."fees"::text as "fees",
      (s."paidAmount" - s."fees")::text as "net", s."openCount", s."openAmount"::text as "openAmount"
    from (select count(*)::int as "count",
        count(*) filter (where t.state in ${paidStatesSql})::int as "paidCount",
        coalesce(sum(t.amount) filter (where t.state in ${paidStatesSql}), 0) as "paidAmount",
        coalesce(sum(t.fee) filter (where t.state in ${paidStatesSql}), 0) as "fees",
        count(*) filter (where t.state in ${openStatesSql})::int as "openCount",
        coalesce(sum(t.amount) filter (where t.state in ${openStatesSql}), 0) as "openAmount"
      from transactions t where ${transactionFilterWhere(resolved)}) s`;
}

/** A slot boundary: 15:00, 16:00 or 17:00 UTC on the hour (midnight in WIT, WITA, WIB). */
function isSlotBoundary(date: Date | null): boolean {
  if (!date) return true;
  return (
    date.getUTCMinutes() === 0 &&
    date.getUTCSeconds() === 0 &&
    date.getUTCMilliseconds() === 0 &&
    [15, 16, 17].includes(date.getUTCHours())
  );
}

/**
 * True when transaction_slot_totals answers this filter exactly: only mode, states,
 * channels and a created-time window of whole days in WIB, WITA or WIT.
 */
export function slotTotalsAnswer(resolved: ResolvedFilter): boolean {
  const f = resolved.filter;
  return (
    !f.q.trim() &&
    f.bank.length === 0 &&
    !f.min &&
    !f.max &&
    !f.by &&
    f.flag.length === 0 &&
    (f.on === "created" || (!resolved.start && !resolved.end)) &&
    isSlotBoundary(resolved.start) &&
    isSlotBoundary(resolved.end)
  );
}

/** The same totals as `totalsQuery`, from the per-slot sums kept by triggers. */
export function slotTotalsQuery(resolved: ResolvedFilter): SQL {
  const { filter, mode, start, end } = resolved;
  const s = sql.identifier("s");
  const parts: SQL[] = [sql`${s}.mode = ${mode}`];
  if (!filter.status.length && !filter.includeNotCreated) {
    parts.push(sql`${s}.state <> 'failed_to_create'`);
  } else if (filter.status.length) {
    parts.push(
      sql`${s}.state in (${sql.join(
        filter.status.map((x) => sql`${x}`),
        sql`, `,
      )})`,
    );
  }
  if (filter.channel.length) {
    parts.push(
      sql`${s}.channel in (${sql.join(
        filter.channel.map((c) => sql`${c}`),
        sql`, `,
      )})`,
    );
  }
  if (start) parts.push(sql`${s}.slot >= ${start.toISOString()}::timestamptz`);
  if (end) parts.push(sql`${s}.slot < ${end.toISOString()}::timestamptz`);
  return sql`select coalesce(sum(s.count), 0)::int as "count",
      coalesce(sum(s.count) filter (where s.state in ${paidStatesSql}), 0)::int as "paidCount",
      coalesce(sum(s.amount) filter (where s.state in ${paidStatesSql}), 0)::text as "paidAmount",
      coalesce(sum(s.fee) filter (where s.state in ${paidStatesSql}), 0)::text as "fees",
      (coalesce(sum(s.amount) filter (where s.state in ${paidStatesSql}), 0)
        - coalesce(sum(s.fee) filter (where s.state in ${paidStatesSql}), 0))::text as "net",
      coalesce(sum(s.count) filter (where s.state in ${openStatesSql}), 0)::int as "openCount",
      coalesce(sum(s.amount) filter (where s.state in ${openStatesSql}), 0)::text as "openAmount"
    from transaction_slot_totals s where ${sql.join(parts, sql` and `)}`;
}

/**
 * Totals of the WHOLE filtered set (not one page): from the per-slot sums when they
 * answer the filter exactly, else from the rows.
 */
export async function transactionTotals(resolved: ResolvedFilter): Promise<TransactionTotals> {
  const query = slotTotalsAnswer(resolved) ? slotTotalsQuery(resolved) : totalsQuery(resolved);
  const result = await getDb().execute<TransactionTotals>(query);
  return result.rows[0]!;
}

/** The mode's change marker: moves in the same transaction as any write to its transactions. */
export async function changeMarkerVersion(mode: GatewayMode): Promise<number> {
  const result = await getDb().execute<{ version: string }>(
    sql`select version::text as version from change_markers where mode = ${mode}`,
  );
  return Number(result.rows[0]?.version ?? 0);
}

/** A user's name for "created by", or null. */
export async function userNames(ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const result = await getDb().execute<{ id: string; name: string }>(
    sql`select id, name from users where id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
  return new Map(result.rows.map((r) => [r.id, r.name]));
}

/** The people a list can be filtered by (who created payments). */
export async function listCreators(): Promise<{ id: string; name: string }[]> {
  const result = await getDb().execute<{ id: string; name: string }>(
    sql`select id, name from users where role in ('admin', 'operator') order by lower(name)`,
  );
  return result.rows;
}

/**
 * A row of an export. Its times are PostgreSQL's ISO text in UTC
 * ("2026-11-25 09:43:05.123456+00"), not Date objects: see `exportTypes`.
 */
export type ExportRow = Omit<ListRow, "createdAt" | "paidAt" | "settledAt" | "expiresAt"> & {
  createdAt: string;
  paidAt: string | null;
  settledAt: string | null;
  expiresAt: string | null;
  description: string | null;
  customerEmail: string | null;
  customerPhone: string | null;
  createdByEmail: string | null;
};

/**
 * The export's type parsers: timestamptz stays text. In the app, Next.js replaces the
 * global Date with a wrapper (next/dist/server/node-environment-extensions/date.js) that
 * constructs through Reflect.construct with itself as new.target, and V8 then gives every
 * `new Date` a hidden class of its own: ~74 bytes in the old generation, freed only by a
 * full collection. A million seeded rows hold 3.4 million times; parsed as Dates (and
 * formatted through another Date each) they left ~500 MB of these behind.
 */
const exportTypes = {
  getTypeParser: (oid: number, format?: "text" | "binary") =>
    oid === pg.types.builtins.TIMESTAMPTZ
      ? (text: string) => text
      : pg.types.getTypeParser(oid, format),
};

function exportQuery(resolved: ResolvedFilter): SQL {
  return sql`select ${listColumns}, t.description, t.customer_email as "customerEmail",
      t.customer_phone as "customerPhone", u.email as "createdByEmail"
    from transactions t left join users u on u.id = t.created_by
    where ${transactionFilterWhere(resolved)}
    order by ${orderBy(resolved.filter)}`;
}

/**
 * Reads every row of a filter through a server-side cursor, `batch` rows at a time, in
 * one REPEATABLE READ snapshot, so the totals (read first) and the rows agree exactly.
 * Nothing but the current batch is held in memory.
 */
export async function streamFilteredTransactions(
  filterFor: ResolvedFilter,
  handlers: {
    onTotals: (totals: TransactionTotals) => Promise<void> | void;
    onRows: (rows: ExportRow[]) => Promise<void>;
    batch?: number;
    signal?: AbortSignal;
  },
): Promise<void> {
  const { default: Cursor } = await import("pg-cursor");
  const resolved = await withSearchMode(filterFor);
  const client = await getPool().connect();
  const dialect = new PgDialect();
  let broken = false;
  try {
    await client.query("begin isolation level repeatable read read only");
    // The times' text (exportTypes) in one known form: ISO, in UTC.
    await client.query("set local time zone 'UTC'");
    await client.query("set local datestyle to 'ISO'");
    const totals = dialect.sqlToQuery(totalsQuery(resolved));
    await handlers.onTotals(
      (await client.query<TransactionTotals>(totals.sql, totals.params)).rows[0]!,
    );
    const rows = dialect.sqlToQuery(exportQuery(resolved));
    const cursor = client.query(
      new Cursor<ExportRow>(rows.sql, rows.params, { types: exportTypes }),
    );
    try {
      for (;;) {
        if (handlers.signal?.aborted) throw handlers.signal.reason ?? new Error("aborted");
        const batch = await cursor.read(handlers.batch ?? 1000);
        if (batch.length === 0) break;
        await handlers.onRows(batch);
      }
    } finally {
      await cursor.close().catch(() => undefined);
    }
    await client.query("commit");
  } catch (error) {
    broken = true;
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    client.release(broken);
  }
}
