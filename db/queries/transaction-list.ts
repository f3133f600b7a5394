import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import pg from "pg";
import type { TransactionFilter } from "@/lib/core/transaction-filter/vocabulary";
import type { GatewayMode } from "@/lib/core/modes";
import { readDb, readPool } from "../read-replica";
import type { RefundState } from "../schema";
import type { ResolvedFilter } from "@/lib/core/transaction-filter/resolve";
import { transactionFilterWhere, withSearchMode } from "./transaction-filter";
import { totalsQuery, type TransactionTotals } from "./transaction-totals";

// The list's modules, under the names its callers (the export among them) import.
export { transactionFilterWhere, withSearchMode } from "./transaction-filter";
export { transactionTotals, type TransactionTotals } from "./transaction-totals";

const t = sql.identifier("t");

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
  const result = await readDb().execute<ListRow & { sortKey: string }>(
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

/** The mode's change marker: moves in the same transaction as any write to its transactions. */
export async function changeMarkerVersion(mode: GatewayMode): Promise<number> {
  const result = await readDb().execute<{ version: string }>(
    sql`select version::text as version from change_markers where mode = ${mode}`,
  );
  return Number(result.rows[0]?.version ?? 0);
}

/** A user's name for "created by", or null. */
export async function userNames(ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const result = await readDb().execute<{ id: string; name: string }>(
    sql`select id, name from users where id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
  return new Map(result.rows.map((r) => [r.id, r.name]));
}

/** The people a list can be filtered by (who created payments). */
export async function listCreators(): Promise<{ id: string; name: string }[]> {
  const result = await readDb().execute<{ id: string; name: string }>(
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
  /** The sum of the payment's approved refunds (issue 19), null when it has none. */
  refunded: string | null;
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

/** Only an approved refund counts (lib/payments/refunds.ts). */
const countedRefundState: RefundState = "approved";

function exportQuery(resolved: ResolvedFilter): SQL {
  return sql`select ${listColumns}, t.description, t.customer_email as "customerEmail",
      t.customer_phone as "customerPhone", u.email as "createdByEmail",
      (select sum(r.amount)::text from refunds r
        where r.transaction_id = t.id and r.state = ${countedRefundState}) as "refunded"
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
  const client = await readPool().connect();
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
