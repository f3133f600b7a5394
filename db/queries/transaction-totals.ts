import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Day } from "@/lib/core/time";
import { timeZones, type TimeZone } from "@/lib/core/time";
import type { DbOrTx } from "../client";
import { readDb } from "../read-replica";
import type { TransactionChannel } from "../schema";
import {
  bankCondition,
  minWordSearch,
  transactionFilterWhere,
  wordCondition,
  zonedDayOf,
} from "./transaction-filter";
import type { ResolvedFilter } from "@/lib/core/transaction-filter/resolve";
import type { RefundState } from "@/lib/core/refund-terms";
import type { SummedTotals, TransactionListTotals } from "@/lib/core/transaction-totals";

/*
 * The totals of a transactions filter: the list's totals line, and every figure of the
 * overview and the reconciliation (each the totals of the filter its link names, or of
 * one group of a grouped filter). One WHERE for the rows, `transactionFilterWhere`; the
 * summary tables answer only filters they answer exactly, from the same resolved filter.
 */

/** The list's totals shape (shared with the browser); amounts are exact decimal strings. */
export type TransactionTotals = TransactionListTotals;

/**
 * How totals are split. Each group's totals are exactly the totals of the filter
 * narrowed to that group: `from=to=day` (the day of the filter's `on` time in that
 * zone), `channel=`, or the row's bank and payment channel (a row counts once, under
 * its pair; the list's `bank=b` is every pair naming b, in either column, any case).
 */
export type TotalsGrouping = { day?: TimeZone; channel?: boolean; bank?: boolean };

export type TotalsGroup = SummedTotals & {
  day?: Day;
  channel?: TransactionChannel;
  bank?: string | null;
  paymentChannel?: string | null;
};

/**
 * Where totals come from:
 * - `rows`: the transactions themselves, through `transactionFilterWhere`;
 * - `createdSlots`: transaction_slot_totals (migration 0008), per slot of created time,
 *   channel and state;
 * - `paymentSlots`: transaction_payment_totals (migration 0010), per slot of paid or of
 *   settled time, state, channel, bank and payment channel;
 * - `searchRows`: transaction_search (migration 0010), a word search's narrow rows, for
 *   a word search narrowed by nothing but states;
 * - `methods`: transaction_method_totals (migration 0023), per state, channel, bank and
 *   payment channel over all time, for a filter with no window.
 * A slot starts at 15:00, 16:00 or 17:00 UTC, so each day in WIB, WITA or WIT is whole
 * slots, and each slot lies inside one day of each of those zones.
 */
export type TotalsSource = "rows" | "createdSlots" | "paymentSlots" | "searchRows" | "methods";

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

/** A word search (as `withSearchMode` decided) and nothing else but states, ungrouped. */
function isPlainWordSearch(resolved: ResolvedFilter, grouping: TotalsGrouping): boolean {
  const f = resolved.filter;
  return (
    resolved.searchMode === "words" &&
    f.q.trim().length >= minWordSearch &&
    f.channel.length === 0 &&
    f.bank.length === 0 &&
    !resolved.start &&
    !resolved.end &&
    !f.min &&
    !f.max &&
    !f.by &&
    f.flag.length === 0 &&
    f.refund.length === 0 &&
    !grouping.day &&
    !grouping.channel &&
    !grouping.bank
  );
}

/** The cheapest source that answers this filter and grouping exactly. */
export function totalsSource(
  resolved: ResolvedFilter,
  grouping: TotalsGrouping = {},
): TotalsSource {
  const f = resolved.filter;
  if (isPlainWordSearch(resolved, grouping)) return "searchRows";
  const windowed = Boolean(resolved.start || resolved.end);
  const summable =
    !f.q.trim() &&
    !f.min &&
    !f.max &&
    !f.by &&
    f.flag.length === 0 &&
    f.refund.length === 0 &&
    isSlotBoundary(resolved.start) &&
    isSlotBoundary(resolved.end);
  if (!summable) return "rows";
  // With no window, the time a filter is `on` picks no rows: only a day grouping needs it.
  if (!windowed && !grouping.day) return "methods";
  // A window on paid or settled time only holds rows that have that time: those rows
  // are exactly the payment slots of that time.
  if (f.on !== "created" && windowed) return "paymentSlots";
  const byDay = grouping.day !== undefined && f.on !== "created";
  if (f.bank.length === 0 && !grouping.bank && !byDay) return "createdSlots";
  return "rows";
}

function inList(column: SQL, values: readonly string[]): SQL {
  return values.length === 1
    ? sql`${column} = ${values[0]}`
    : sql`${column} in (${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )})`;
}

/**
 * The filter over a summary table `s`: the clauses of `transactionFilterWhere` it can
 * hold (`totalsSource` sends it no filter with others).
 */
function summaryWhere(resolved: ResolvedFilter, source: Exclude<TotalsSource, "rows">): SQL {
  const { filter, mode, start, end } = resolved;
  const parts: SQL[] = [sql`s.mode = ${mode}`];
  if (source === "paymentSlots") parts.push(sql`s.basis = ${filter.on}`);
  if (!filter.status.length && !filter.includeNotCreated) {
    parts.push(sql`s.state <> 'failed_to_create'`);
  } else if (filter.status.length) {
    parts.push(inList(sql`s.state`, filter.status));
  }
  if (source === "searchRows") {
    // The document is folded already: lower(text) LIKE lower(pattern) is the ILIKE.
    const words = wordCondition(sql`s.document`, sql`s.amount`, filter.q.trim(), true);
    parts.push(sql`(${sql.join(words, sql` or `)})`);
  }
  if (filter.channel.length) parts.push(inList(sql`s.channel`, filter.channel));
  if (filter.bank.length) {
    parts.push(bankCondition(sql`s.bank`, sql`s.payment_channel`, filter.bank));
  }
  if (start) parts.push(sql`s.slot >= ${start.toISOString()}::timestamptz`);
  if (end) parts.push(sql`s.slot < ${end.toISOString()}::timestamptz`);
  return sql.join(parts, sql` and `);
}

/** The group keys: their output names, and their expressions over rows or slots. */
function groupKeys(
  resolved: ResolvedFilter,
  grouping: TotalsGrouping,
  source: TotalsSource,
): { name: string; expression: SQL }[] {
  const a = sql.raw(source === "rows" ? "t" : "s");
  const keys: { name: string; expression: SQL }[] = [];
  if (grouping.day) {
    const offset = sql.raw(`interval '${timeZones[grouping.day].offsetMinutes} minutes'`);
    keys.push({
      name: "day",
      expression:
        source === "rows"
          ? zonedDayOf(resolved.filter.on, grouping.day)
          : sql`((s.slot at time zone 'UTC') + ${offset})::date`,
    });
  }
  if (grouping.channel) keys.push({ name: "channel", expression: sql`${a}.channel` });
  if (grouping.bank) {
    keys.push({ name: "bank", expression: sql`${a}.bank` });
    keys.push({ name: "paymentChannel", expression: sql`${a}.payment_channel` });
  }
  return keys;
}

/** The sums over rows, `t` (transactions) or `s` (transaction_search). */
function rowSums(source: "rows" | "searchRows"): SQL {
  const a = source === "rows" ? "t" : "s";
  return sql.raw(`count(*) as n,
  count(*) filter (where ${a}.state in ('paid', 'settled')) as paid_n,
  coalesce(sum(${a}.amount) filter (where ${a}.state in ('paid', 'settled')), 0) as paid_amount,
  coalesce(sum(${a}.fee) filter (where ${a}.state in ('paid', 'settled')), 0) as fee_sum,
  count(*) filter (where ${a}.state in ('paid', 'settled') and ${a}.fee is null) as unknown_fee_n,
  coalesce(sum(${a}.amount) filter (where ${a}.state in ('paid', 'settled') and ${a}.fee is not null), 0)
    as known_fee_amount,
  count(*) filter (where ${a}.state in ('active', 'unconfirmed')) as open_n,
  coalesce(sum(${a}.amount) filter (where ${a}.state in ('active', 'unconfirmed')), 0) as open_amount`);
}

const slotSums = sql.raw(`coalesce(sum(s.count), 0) as n,
  coalesce(sum(s.count) filter (where s.state in ('paid', 'settled')), 0) as paid_n,
  coalesce(sum(s.amount) filter (where s.state in ('paid', 'settled')), 0) as paid_amount,
  coalesce(sum(s.fee) filter (where s.state in ('paid', 'settled')), 0) as fee_sum,
  coalesce(sum(s.unknown_fee_count) filter (where s.state in ('paid', 'settled')), 0) as unknown_fee_n,
  coalesce(sum(s.known_fee_amount) filter (where s.state in ('paid', 'settled')), 0) as known_fee_amount,
  coalesce(sum(s.count) filter (where s.state in ('active', 'unconfirmed')), 0) as open_n,
  coalesce(sum(s.amount) filter (where s.state in ('active', 'unconfirmed')), 0) as open_amount`);

const summaryTable = {
  createdSlots: sql.raw("transaction_slot_totals"),
  paymentSlots: sql.raw("transaction_payment_totals"),
  searchRows: sql.raw("transaction_search"),
  methods: sql.raw("transaction_method_totals"),
} as const;

/**
 * The totals of a filter, one row per group (one row in all when not grouped), from
 * `source`. Groups without rows are left out.
 */
export function totalsQuery(
  resolved: ResolvedFilter,
  grouping: TotalsGrouping = {},
  source: TotalsSource = totalsSource(resolved, grouping),
): SQL {
  const keys = groupKeys(resolved, grouping, source);
  const from =
    source === "rows"
      ? sql`transactions t where ${transactionFilterWhere(resolved)}`
      : sql`${summaryTable[source]} s where ${summaryWhere(resolved, source)}`;
  const inner = keys.map((k) => sql`${k.expression} as ${sql.identifier(k.name)}, `);
  const outer = keys.map((k) =>
    k.name === "day"
      ? sql`to_char(g.day, 'YYYY-MM-DD') as "day", `
      : sql`g.${sql.identifier(k.name)}, `,
  );
  const groupBy = keys.length
    ? sql` group by ${sql.join(
        keys.map((k) => k.expression),
        sql`, `,
      )}`
    : sql``;
  // A slot key whose rows all moved on may keep a zero count: such a group has no rows.
  const having =
    keys.length && source !== "rows" && source !== "searchRows"
      ? sql` having sum(s.count) <> 0`
      : sql``;
  // The whole set's totals carry its refunds too; a group's do not.
  const refunds = keys.length
    ? { columns: sql``, join: sql`` }
    : {
        columns: sql`, rf.n::int as "refundedCount", rf.amount::text as "refunded"`,
        join: sql` cross join (${refundSums(resolved)}) rf`,
      };
  return sql`select ${sql.join(outer, sql``)}g.n::int as "count", g.paid_n::int as "paidCount",
      g.paid_amount::text as "paidAmount", g.fee_sum::text as "fees",
      g.unknown_fee_n::int as "unknownFeeCount", (g.known_fee_amount - g.fee_sum)::text as "net",
      g.open_n::int as "openCount",
      g.open_amount::text as "openAmount"${refunds.columns}
    from (select ${sql.join(inner, sql``)}${source === "rows" || source === "searchRows" ? rowSums(source) : slotSums}
      from ${from}${groupBy}${having}) g${refunds.join}`;
}

const countedRefund: RefundState = "approved";

/**
 * The approved refunds of the filter's rows: how many payments, how much. From the
 * refunds (few) to their rows by primary key, whatever source the sums come from.
 */
function refundSums(resolved: ResolvedFilter): SQL {
  return sql`select count(distinct r.transaction_id) as n, coalesce(sum(r.amount), 0) as amount
    from refunds r join transactions t on t.id = r.transaction_id
   where r.mode = ${resolved.mode} and r.state = ${countedRefund}
     and ${transactionFilterWhere(resolved)}`;
}

/**
 * Totals of the WHOLE filtered set (not one page): the list's totals line. From a
 * summary table when one answers the filter exactly, else from the rows.
 */
export async function transactionTotals(
  resolved: ResolvedFilter,
  db: DbOrTx = readDb(),
): Promise<TransactionTotals> {
  const result = await db.execute<TransactionTotals>(totalsQuery(resolved));
  return result.rows[0]!;
}

/** The totals of each group of a filter (see `TotalsGrouping`), groups without rows left out. */
export async function groupedTotals(
  resolved: ResolvedFilter,
  grouping: TotalsGrouping,
  db: DbOrTx = readDb(),
): Promise<TotalsGroup[]> {
  const result = await db.execute<TotalsGroup>(totalsQuery(resolved, grouping));
  return result.rows;
}
