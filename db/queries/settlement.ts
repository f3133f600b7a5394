import "server-only";
import { transactionChannel, type TransactionChannel } from "@/db/schema";
import { listFilter } from "@/lib/core/transaction-filter/url";
import type { TransactionFilter } from "@/lib/core/transaction-filter/vocabulary";
import { addDecimals } from "@/lib/core/money";
import { addDays, type Day } from "@/lib/core/time";
import type { GatewayMode } from "@/lib/core/modes";
import type { TimeZone } from "@/lib/core/time";
import type { DbOrTx } from "../client";
import { resolveFilter } from "@/lib/core/transaction-filter/resolve";
import { groupedTotals, type TotalsGroup } from "./transaction-totals";

/*
 * The settlement view: every figure is the list's totals of one filter built below (or
 * of one day and channel of it), computed by db/queries/transaction-totals.ts, and links
 * to transactionsListUrl of the same filter. A day is of the filter's `on` time in the
 * viewer's zone.
 */

type Narrowing = Partial<TransactionFilter>;

/** /transactions?status=paid,settled&on=paid&from=F&to=T: what buyers paid. */
export function settlementPaidFilter(from: Day, to: Day, extra: Narrowing = {}): TransactionFilter {
  return listFilter({ status: ["paid", "settled"], on: "paid", from, to, ...extra });
}

/** /transactions?status=settled&on=settled&from=F&to=T: what settled (amount, fees, net). */
export function settledFilter(from: Day, to: Day, extra: Narrowing = {}): TransactionFilter {
  return listFilter({ status: ["settled"], on: "settled", from, to, ...extra });
}

/** /transactions?status=paid&on=paid&from=F&to=T: paid and not settled yet. */
export function unsettledFilter(
  from: Day | null,
  to: Day,
  extra: Narrowing = {},
): TransactionFilter {
  return listFilter({ status: ["paid"], on: "paid", from, to, ...extra });
}

type Scope = { mode: GatewayMode; zone: TimeZone; db?: DbOrTx };
export type Sum = { count: number; amount: string };
/** `fee` and `net` over the known part; `unknownFeeCount` payments have no fee reported yet. */
export type SettledSum = Sum & { fee: string; net: string; unknownFeeCount: number };
export type SettlementCell = {
  day: Day;
  channel: TransactionChannel;
  paid: Sum;
  settled: SettledSum;
  unsettled: Sum;
};

async function sequentially<T>(queries: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = [];
  for (const query of queries) results.push(await query());
  return results;
}

/** The totals of a filter per day (of its `on` time) and channel. */
function byDayAndChannel(filter: TransactionFilter, scope: Scope): Promise<TotalsGroup[]> {
  return groupedTotals(
    resolveFilter(filter, scope.mode, scope.zone),
    { day: scope.zone, channel: true },
    scope.db,
  );
}

/** Per day and channel from `from` to `to`: paid, settled (with fees and net), unsettled. */
export async function settlementByDayAndChannel(
  from: Day,
  to: Day,
  scope: Scope,
): Promise<SettlementCell[]> {
  const queries = [settlementPaidFilter, settledFilter, unsettledFilter].map(
    (filter) => () => byDayAndChannel(filter(from, to), scope),
  );
  // In parallel on the pool; one after another inside a transaction (one connection).
  const [paid = [], settled = [], unsettled = []] = scope.db
    ? await sequentially(queries)
    : await Promise.all(queries.map((q) => q()));
  const cells = new Map<string, SettlementCell>();
  const cell = (g: TotalsGroup) => {
    const key = `${g.day}|${g.channel}`;
    let found = cells.get(key);
    if (!found) {
      const zero = { count: 0, amount: "0" };
      found = {
        day: g.day!,
        channel: g.channel!,
        paid: zero,
        settled: { ...zero, fee: "0", net: "0", unknownFeeCount: 0 },
        unsettled: zero,
      };
      cells.set(key, found);
    }
    return found;
  };
  for (const g of paid) cell(g).paid = { count: g.count, amount: g.paidAmount };
  for (const g of settled) {
    cell(g).settled = {
      count: g.count,
      amount: g.paidAmount,
      fee: g.fees,
      net: g.net,
      unknownFeeCount: g.unknownFeeCount,
    };
  }
  for (const g of unsettled) cell(g).unsettled = { count: g.count, amount: g.paidAmount };
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
 * Per channel, paid payments not settled after the channel's delay: the totals of
 * `unsettledFilter(null, lastOverdueDay(today, delay), {channel})`, and the first paid
 * day among them (the link names `from` = that day). One grouped read: the filter up to
 * the latest of those days, per day and channel; each channel's figure is the sum of
 * its days up to its own last overdue day (the days partition its filter's rows).
 */
export async function overdueByChannel(
  today: Day,
  delays: Record<TransactionChannel, number>,
  scope: Scope,
): Promise<Overdue[]> {
  const channels = transactionChannel.enumValues;
  const lastDays = channels.map((c) => lastOverdueDay(today, delays[c]));
  const latest = lastDays.reduce((a, b) => (a > b ? a : b));
  const groups = await byDayAndChannel(unsettledFilter(null, latest), scope);
  return channels.map((channel, i) => {
    const to = lastDays[i]!;
    const own = groups.filter((g) => g.channel === channel && g.day! <= to);
    return {
      channel,
      count: own.reduce((n, g) => n + g.count, 0),
      amount: addDecimals("0", ...own.map((g) => g.paidAmount)),
      from: own.map((g) => g.day!).reduce<Day | null>((a, d) => (a && a < d ? a : d), null),
      to,
    };
  });
}
