import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { TransactionChannel } from "@/db/schema";
import type { ListFilter } from "@/lib/payments/list-filter";
import { addDays, type Day } from "@/lib/payments/zoned-days";
import type { GatewayMode } from "@/lib/purwantara/contract";
import type { TimeZone } from "@/lib/time";
import { getDb, type DbOrTx } from "../client";
import { listPredicate, zonedDayOf } from "./list-filter";

/*
 * Every overview number is the count or sum over exactly the rows of one list filter,
 * built by one function below; the page links each number to transactionsListUrl of
 * the same filter. Grouping by channel or by day adds `channel=` or `from=to=` to it.
 */

/** /transactions?status=paid,settled&on=paid&from=F&to=T */
export function paidFilter(from: Day, to: Day, extra: ListFilter = {}): ListFilter {
  return { status: ["paid", "settled"], on: "paid", from, to, ...extra };
}

/** /transactions?from=F&to=T (created in the period; Not created left out, as the list does) */
export function createdFilter(from: Day, to: Day, extra: ListFilter = {}): ListFilter {
  return { from, to, ...extra };
}

/** /transactions?status=paid,settled&from=F&to=T: of those created in the period, the paid ones. */
export function paidOfCreatedFilter(from: Day, to: Day, extra: ListFilter = {}): ListFilter {
  return { status: ["paid", "settled"], from, to, ...extra };
}

/** /transactions?status=active */
export function openFilter(): ListFilter {
  return { status: ["active"] };
}

/** /transactions?flag=needs_review */
export function needsReviewFilter(): ListFilter {
  return { flag: ["needs_review"] };
}

type Scope = { mode: GatewayMode; zone: TimeZone; db?: DbOrTx };
export type Sum = { count: number; amount: string };

async function rows<T>(db: DbOrTx | undefined, query: SQL): Promise<T[]> {
  return (await (db ?? getDb()).execute(query)).rows as T[];
}

export type ChannelMedian = { channel: TransactionChannel; medianSeconds: number | null };

/**
 * Per channel over `paidFilter(from, to)`: the median time from creation to payment.
 * (Ordering by the interval itself, not its epoch: several times cheaper.)
 */
export async function medianTimeToPay(from: Day, to: Day, scope: Scope): Promise<ChannelMedian[]> {
  const result = await rows<{ channel: TransactionChannel; median: string | null }>(
    scope.db,
    sql`select "channel",
               extract(epoch from percentile_cont(0.5) within group (order by "paid_at" - "created_at"))::text as median
          from "transactions" where ${listPredicate(paidFilter(from, to), scope.mode, scope.zone)}
         group by "channel"`,
  );
  return result.map((r) => ({
    channel: r.channel,
    medianSeconds: r.median === null ? null : Math.max(0, Math.round(Number(r.median))),
  }));
}

export type PaidCell = Sum & {
  day: Day;
  channel: TransactionChannel;
  bank: string | null;
  paymentChannel: string | null;
};

/**
 * Per day (paid time, viewer's zone), channel, bank and payment channel over
 * `paidFilter(from, to)`. The cells partition the range, so:
 * - day d and channel c: the sum of its cells is `paidFilter(d, d, {channel: [c]})`;
 * - a period or a channel: the sum of its days;
 * - bank b: the sum of the cells whose bank or payment channel is b, which is
 *   `paidFilter(from, to, {bank: b})` (the list's `bank=` matches either column).
 */
export async function paidCells(from: Day, to: Day, scope: Scope): Promise<PaidCell[]> {
  return rows<PaidCell>(
    scope.db,
    sql`select to_char(g.d, 'YYYY-MM-DD') as day, g.channel, g.bank, g.payment_channel as "paymentChannel",
               g.count, g.amount::text as amount from (
          select ${zonedDayOf("paid", scope.zone)} as d, "channel", "bank", "payment_channel",
                 count(*)::int as count, sum("amount") as amount
            from "transactions" where ${listPredicate(paidFilter(from, to), scope.mode, scope.zone)}
           group by 1, 2, 3, 4) g
         order by 1, 2`,
  );
}

export type ChannelSuccess = { channel: TransactionChannel; created: number; paid: number };

/** Per channel: created in the period (`createdFilter`) and of those paid (`paidOfCreatedFilter`). */
export async function successByChannel(
  from: Day,
  to: Day,
  scope: Scope,
): Promise<ChannelSuccess[]> {
  return rows<ChannelSuccess>(
    scope.db,
    sql`select "channel", count(*)::int as created,
               count(*) filter (where ${listPredicate(paidOfCreatedFilter(from, to), scope.mode, scope.zone)})::int as paid
          from "transactions" where ${listPredicate(createdFilter(from, to), scope.mode, scope.zone)}
         group by "channel" order by count(*) desc`,
  );
}

/** Open payments (`openFilter`) and those needing review (`needsReviewFilter`). */
export async function openAndReview(scope: Scope): Promise<{ open: Sum; needsReview: number }> {
  const [open, review] = await Promise.all([
    rows<Sum>(
      scope.db,
      sql`select count(*)::int as count, coalesce(sum("amount"), 0)::text as amount
            from "transactions" where ${listPredicate(openFilter(), scope.mode, scope.zone)}`,
    ),
    rows<{ count: number }>(
      scope.db,
      sql`select count(*)::int as count
            from "transactions" where ${listPredicate(needsReviewFilter(), scope.mode, scope.zone)}`,
    ),
  ]);
  return { open: open[0] ?? { count: 0, amount: "0" }, needsReview: review[0]?.count ?? 0 };
}

/** Whether the mode has any transaction at all (the overview's empty state). */
export async function hasTransactions(scope: Scope): Promise<boolean> {
  const [row] = await rows<{ any: boolean }>(
    scope.db,
    sql`select exists (select 1 from "transactions" where "mode" = ${scope.mode}) as any`,
  );
  return row?.any ?? false;
}

/** The periods the overview compares: today, 7 and 30 days, each against the one before. */
export function overviewPeriods(today: Day) {
  return ([1, 7, 30] as const).map((days) => ({
    days,
    current: { from: addDays(today, 1 - days), to: today },
    previous: { from: addDays(today, 1 - 2 * days), to: addDays(today, -days) },
  }));
}
