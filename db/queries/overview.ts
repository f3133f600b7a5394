import "server-only";
import { sql } from "drizzle-orm";
import { transactionChannel, type TransactionChannel } from "@/db/schema";
import { listFilter } from "@/lib/core/transaction-filter/url";
import type { TransactionFilter } from "@/lib/core/transaction-filter/vocabulary";
import { addDays, type Day } from "@/lib/core/time";
import type { GatewayMode } from "@/lib/core/modes";
import type { TimeZone } from "@/lib/core/time";
import type { DbOrTx } from "../client";
import { readDb } from "../read-replica";
import { resolveFilter } from "@/lib/core/transaction-filter/resolve";
import { transactionFilterWhere } from "./transaction-filter";
import { groupedTotals, transactionTotals } from "./transaction-totals";

/*
 * Every overview number is the list's totals of one filter built below (or of one group
 * of it: a day, a channel, a bank), computed by db/queries/transaction-totals.ts from
 * that filter; the page links the number to transactionsListUrl of the same filter.
 */

type Narrowing = Partial<TransactionFilter>;

/** /transactions?status=paid,settled&on=paid&from=F&to=T */
export function paidFilter(from: Day, to: Day, extra: Narrowing = {}): TransactionFilter {
  return listFilter({ status: ["paid", "settled"], on: "paid", from, to, ...extra });
}

/** /transactions?from=F&to=T (created in the period; Not created left out, as the list does) */
export function createdFilter(from: Day, to: Day, extra: Narrowing = {}): TransactionFilter {
  return listFilter({ from, to, ...extra });
}

/** /transactions?status=paid,settled&from=F&to=T: of those created in the period, the paid ones. */
export function paidOfCreatedFilter(from: Day, to: Day, extra: Narrowing = {}): TransactionFilter {
  return listFilter({ status: ["paid", "settled"], from, to, ...extra });
}

/** /transactions?status=active */
export function openFilter(): TransactionFilter {
  return listFilter({ status: ["active"] });
}

/** /transactions?status=active&from=F&to=T: of those created in the period, the still open. */
export function openOfCreatedFilter(from: Day, to: Day, extra: Narrowing = {}): TransactionFilter {
  return listFilter({ status: ["active"], from, to, ...extra });
}

/** /transactions?flag=needs_review */
export function needsReviewFilter(): TransactionFilter {
  return listFilter({ flag: ["needs_review"] });
}

/**
 * /transactions?status=paid,settled&flag=paid_twice&refund=not_refunded: the paid-twice
 * queue, payments of a bill paid more than once with no refund asked for yet.
 */
export function paidTwiceFilter(): TransactionFilter {
  return listFilter({
    status: ["paid", "settled"],
    flag: ["paid_twice"],
    refund: ["not_refunded"],
  });
}

/**
 * /transactions?status=paid,settled&flag=maybe_paid_twice&refund=not_refunded: the
 * softer queue, payments of one buyer phone and amount paid close together, until a
 * refund is asked for or a person dismisses the flag.
 */
export function maybePaidTwiceFilter(): TransactionFilter {
  return listFilter({
    status: ["paid", "settled"],
    flag: ["maybe_paid_twice"],
    refund: ["not_refunded"],
  });
}

/** /transactions?status=paid,settled&on=paid&from=F&to=T&refund=refunded,partly_refunded */
export function refundedFilter(from: Day, to: Day): TransactionFilter {
  return listFilter({
    status: ["paid", "settled"],
    on: "paid",
    from,
    to,
    refund: ["refunded", "partly_refunded"],
  });
}

type Scope = { mode: GatewayMode; zone: TimeZone; db?: DbOrTx };
export type Sum = { count: number; amount: string };

function resolved(filter: TransactionFilter, scope: Scope) {
  return resolveFilter(filter, scope.mode, scope.zone);
}

export type ChannelMedian = { channel: TransactionChannel; medianSeconds: number | null };

/**
 * Per channel, over the rows of `paidFilter(from, to, {channel})` (the channel's paid
 * figure and link): the median time from creation to payment. One channel at a time, so
 * each reads its rows in order from transactions_mode_channel_paid_idx and no sort by
 * channel is needed. (Ordering by the interval itself, not its epoch: several times
 * cheaper.)
 */
export async function medianTimeToPay(from: Day, to: Day, scope: Scope): Promise<ChannelMedian[]> {
  const perChannel = transactionChannel.enumValues.map(
    (channel) =>
      sql`(select ${channel}::text as channel,
              extract(epoch from percentile_cont(0.5) within group (order by t.paid_at - t.created_at))::text as median
            from transactions t
           where ${transactionFilterWhere(resolved(paidFilter(from, to, { channel: [channel] }), scope))})`,
  );
  const result = await (scope.db ?? readDb()).execute<{
    channel: TransactionChannel;
    median: string | null;
  }>(sql.join(perChannel, sql` union all `));
  return result.rows
    .filter((r) => r.median !== null)
    .map((r) => ({
      channel: r.channel,
      medianSeconds: Math.max(0, Math.round(Number(r.median))),
    }));
}

export type PaidCell = Sum & {
  day: Day;
  channel: TransactionChannel;
  bank: string | null;
  paymentChannel: string | null;
};

/**
 * The totals of `paidFilter(from, to)` per day (paid time, viewer's zone), channel,
 * bank and payment channel. The cells partition the filter's rows, so:
 * - day d and channel c: the sum of its cells is the totals of `paidFilter(d, d, {channel: [c]})`;
 * - a period or a channel: the sum of its days;
 * - bank b: the sum of the cells whose bank or payment channel is b in any case, which
 *   is `paidFilter(from, to, {bank: [b]})` (the list's `bank=` matches either column).
 */
export async function paidCells(from: Day, to: Day, scope: Scope): Promise<PaidCell[]> {
  const groups = await groupedTotals(
    resolved(paidFilter(from, to), scope),
    { day: scope.zone, channel: true, bank: true },
    scope.db,
  );
  return groups.map((g) => ({
    day: g.day!,
    channel: g.channel!,
    bank: g.bank ?? null,
    paymentChannel: g.paymentChannel ?? null,
    count: g.count,
    amount: g.paidAmount,
  }));
}

export type ChannelSuccess = {
  channel: TransactionChannel;
  created: number;
  paid: number;
  open: number;
};

/**
 * Per channel: created in the period (`createdFilter`), of those paid
 * (`paidOfCreatedFilter`) and still open (`openOfCreatedFilter`).
 */
export async function successByChannel(
  from: Day,
  to: Day,
  scope: Scope,
): Promise<ChannelSuccess[]> {
  const [created, paid, open] = await Promise.all(
    [createdFilter(from, to), paidOfCreatedFilter(from, to), openOfCreatedFilter(from, to)].map(
      (f) => groupedTotals(resolved(f, scope), { channel: true }, scope.db),
    ),
  );
  return created!
    .map((c) => ({
      channel: c.channel!,
      created: c.count,
      paid: paid!.find((p) => p.channel === c.channel)?.count ?? 0,
      open: open!.find((p) => p.channel === c.channel)?.count ?? 0,
    }))
    .sort((a, b) => b.created - a.created);
}

/** Open payments (`openFilter`) and those needing review (`needsReviewFilter`). */
export async function openAndReview(scope: Scope): Promise<{ open: Sum; needsReview: number }> {
  const [open, review] = await Promise.all([
    transactionTotals(resolved(openFilter(), scope), scope.db),
    transactionTotals(resolved(needsReviewFilter(), scope), scope.db),
  ]);
  return { open: { count: open.count, amount: open.openAmount }, needsReview: review.count };
}

/**
 * The paid-twice queue's size, and the money given back on payments paid from `from` to
 * `to` (the refunded figure of `refundedFilter`'s totals line).
 */
export async function refundFigures(
  from: Day,
  to: Day,
  scope: Scope,
): Promise<{ paidTwice: number; maybePaidTwice: number; refunded: Sum }> {
  const [twice, maybe, refunded] = await Promise.all([
    transactionTotals(resolved(paidTwiceFilter(), scope), scope.db),
    transactionTotals(resolved(maybePaidTwiceFilter(), scope), scope.db),
    transactionTotals(resolved(refundedFilter(from, to), scope), scope.db),
  ]);
  return {
    paidTwice: twice.count,
    maybePaidTwice: maybe.count,
    refunded: { count: refunded.refundedCount, amount: refunded.refunded },
  };
}

/** Whether the mode has any transaction at all (the overview's empty state). */
export async function hasTransactions(scope: Scope): Promise<boolean> {
  const result = await (scope.db ?? readDb()).execute<{ any: boolean }>(
    sql`select exists (select 1 from "transactions" where "mode" = ${scope.mode}) as any`,
  );
  return result.rows[0]?.any ?? false;
}

/** The periods the overview compares: today, 7 and 30 days, each against the one before. */
export function overviewPeriods(today: Day) {
  return ([1, 7, 30] as const).map((days) => ({
    days,
    current: { from: addDays(today, 1 - days), to: today },
    previous: { from: addDays(today, 1 - 2 * days), to: addDays(today, -days) },
  }));
}
