import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { transactionChannel, type TransactionChannel } from "@/db/schema";
import type { ListFilter } from "@/lib/payments/list-filter";
import { addDays, type Day } from "@/lib/payments/zoned-days";
import type { GatewayMode } from "@/lib/purwantara/contract";
import type { TimeZone } from "@/lib/time";
import { getDb, type DbOrTx } from "../client";
import { listPredicate, zonedDayOf } from "./list-filter";

/*
 * The settlement view: every figure is over exactly the rows of one list filter built
 * below, and links to transactionsListUrl of the same filter. Grouping by day (of the
 * filter's `on` time, viewer's zone) and channel adds `from=to=day&channel=`.
 */

/** /transactions?status=paid,settled&on=paid&from=F&to=T: what buyers paid. */
export function settlementPaidFilter(from: Day, to: Day, extra: ListFilter = {}): ListFilter {
  return { status: ["paid", "settled"], on: "paid", from, to, ...extra };
}

/** /transactions?status=settled&on=settled&from=F&to=T: what settled (amount, fees, net). */
export function settledFilter(from: Day, to: Day, extra: ListFilter = {}): ListFilter {
  return { status: ["settled"], on: "settled", from, to, ...extra };
}

/** /transactions?status=paid&on=paid&from=F&to=T: paid and not settled yet. */
export function unsettledFilter(from: Day, to: Day, extra: ListFilter = {}): ListFilter {
  return { status: ["paid"], on: "paid", from, to, ...extra };
}

type Scope = { mode: GatewayMode; zone: TimeZone; db?: DbOrTx };
export type Sum = { count: number; amount: string };
export type SettledSum = Sum & { fee: string; net: string };
export type SettlementCell = {
  day: Day;
  channel: TransactionChannel;
  paid: Sum;
  settled: SettledSum;
  unsettled: Sum;
};

async function rows<T>(db: DbOrTx | undefined, query: SQL): Promise<T[]> {
  return (await (db ?? getDb()).execute(query)).rows as T[];
}

async function sequentially<T>(queries: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = [];
  for (const query of queries) results.push(await query());
  return results;
}

type Grouped = { day: Day; channel: TransactionChannel; count: number; amount: string };

function groupedSum(on: "paid" | "settled", filter: ListFilter, scope: Scope, extra = sql``) {
  return rows<Grouped & { fee?: string; net?: string }>(
    scope.db,
    sql`select to_char(g.d, 'YYYY-MM-DD') as day, g.* from (
          select ${zonedDayOf(on, scope.zone)} as d, "channel", count(*)::int as count,
                 sum("amount")::text as amount ${extra}
            from "transactions" where ${listPredicate(filter, scope.mode, scope.zone)}
           group by 1, 2) g`,
  );
}

/** Per day and channel from `from` to `to`: paid, settled (with fees and net), unsettled. */
export async function settlementByDayAndChannel(
  from: Day,
  to: Day,
  scope: Scope,
): Promise<SettlementCell[]> {
  const queries = [
    () => groupedSum("paid", settlementPaidFilter(from, to), scope),
    () =>
      groupedSum(
        "settled",
        settledFilter(from, to),
        scope,
        sql`, coalesce(sum("fee"), 0)::text as fee, sum("amount" - coalesce("fee", 0))::text as net`,
      ),
    () => groupedSum("paid", unsettledFilter(from, to), scope),
  ];
  // In parallel on the pool; one after another inside a transaction (one connection).
  const [paid = [], settled = [], unsettled = []] = scope.db
    ? await sequentially(queries)
    : await Promise.all(queries.map((q) => q()));
  const cells = new Map<string, SettlementCell>();
  const cell = (day: Day, channel: TransactionChannel) => {
    const key = `${day}|${channel}`;
    let found = cells.get(key);
    if (!found) {
      const zero = { count: 0, amount: "0" };
      found = {
        day,
        channel,
        paid: zero,
        settled: { ...zero, fee: "0", net: "0" },
        unsettled: zero,
      };
      cells.set(key, found);
    }
    return found;
  };
  for (const r of paid) cell(r.day, r.channel).paid = { count: r.count, amount: r.amount };
  for (const r of settled) {
    cell(r.day, r.channel).settled = {
      count: r.count,
      amount: r.amount,
      fee: r.fee ?? "0",
      net: r.net ?? "0",
    };
  }
  for (const r of unsettled)
    cell(r.day, r.channel).unsettled = { count: r.count, amount: r.amount };
  const order = transactionChannel.enumValues;
  return [...cells.values()].sort(
    (a, b) => b.day.localeCompare(a.day) || order.indexOf(a.channel) - order.indexOf(b.channel),
  );
}

/**
 * The last paid day whose payments are overdue on `today` for a channel settling
 * `delay` days after payment: day d is expected settled by the end of d + delay.
 */
export function lastOverdueDay(today: Day, delay: number): Day {
  return addDays(today, -1 - delay);
}

export type Overdue = Sum & { channel: TransactionChannel; from: Day | null; to: Day };

/**
 * Per channel, paid payments not settled after the channel's delay: the rows of
 * `unsettledFilter(first paid day, lastOverdueDay(today, delay), channel)`.
 */
export async function overdueByChannel(
  today: Day,
  delays: Record<TransactionChannel, number>,
  scope: Scope,
): Promise<Overdue[]> {
  const channels = transactionChannel.enumValues;
  const filters = channels.map((c) =>
    unsettledFilter("1970-01-01", lastOverdueDay(today, delays[c]), { channel: [c] }),
  );
  const p = (f: ListFilter) => listPredicate({ ...f, from: undefined }, scope.mode, scope.zone);
  const columns = filters.map(
    (f, i) =>
      sql`count(*) filter (where ${p(f)})::int as ${sql.raw(`c${i}`)},
          coalesce(sum("amount") filter (where ${p(f)}), 0)::text as ${sql.raw(`a${i}`)},
          to_char(min(${zonedDayOf("paid", scope.zone)}) filter (where ${p(f)}), 'YYYY-MM-DD') as ${sql.raw(`f${i}`)}`,
  );
  const [row] = await rows<Record<string, string | number | null>>(
    scope.db,
    sql`select ${sql.join(columns, sql`, `)} from "transactions"
         where ${listPredicate({ status: ["paid"] }, scope.mode, scope.zone)}`,
  );
  return channels.map((channel, i) => ({
    channel,
    count: Number(row?.[`c${i}`] ?? 0),
    amount: String(row?.[`a${i}`] ?? "0"),
    from: (row?.[`f${i}`] as Day | null) ?? null,
    to: filters[i]!.to!,
  }));
}
