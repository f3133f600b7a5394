import "server-only";
import type { TransactionChannel } from "@/db/schema";
import {
  createdFilter,
  hasTransactions,
  needsReviewFilter,
  openAndReview,
  openFilter,
  maybePaidTwiceFilter,
  paidTwiceFilter,
  refundedFilter,
  refundFigures,
  openOfCreatedFilter,
  overviewPeriods,
  medianTimeToPay,
  paidCells,
  paidFilter,
  paidOfCreatedFilter,
  successByChannel,
  type PaidCell,
} from "@/db/queries/overview";
import { addDecimals } from "@/lib/core/money";
import { paymentMethodKey, paymentMethodKeys } from "@/lib/core/payment-methods";
import type { GatewayMode } from "@purwantara/contract";
import type { TimeZone } from "@/lib/core/time";
import { transactionsListUrl } from "@/lib/core/transaction-filter/url";
import { addDays, zonedDay, type Day } from "@/lib/core/time";

/** A number shown on the overview and the list URL whose totals are that number. */
export type LinkedSum = { count: number; amount: string; href: string };

export type OverviewPeriod = {
  days: 1 | 7 | 30;
  current: LinkedSum;
  previous: LinkedSum;
};

export type OverviewChannel = {
  channel: TransactionChannel;
  paid: LinkedSum;
  medianSeconds: number | null;
  created: { count: number; href: string };
  paidOfCreated: { count: number; href: string };
  /** Created in the period and still open: neither a success nor a failure yet. */
  openOfCreated: { count: number; href: string };
};

/**
 * The share of a channel's payments created in the period that were paid, over those
 * that are decided (paid, expired, failed or cancelled): a still-open payment is not a
 * failure yet. Null while none is decided.
 */
export function successRate(
  c: Pick<OverviewChannel, "created" | "paidOfCreated" | "openOfCreated">,
) {
  const decided = c.created.count - c.openOfCreated.count;
  return decided > 0 ? c.paidOfCreated.count / decided : null;
}

export type Overview = {
  today: Day;
  /** The last 30 days, `today` included: the window of the breakdowns and the chart. */
  window: { from: Day; to: Day };
  periods: OverviewPeriod[];
  open: LinkedSum;
  needsReview: { count: number; href: string };
  /** Payments of a bill paid more than once with no refund asked for yet. */
  paidTwice: { count: number; href: string };
  /** Payments of one buyer phone and amount paid close together, not refunded nor dismissed. */
  maybePaidTwice: { count: number; href: string };
  /** Approved refunds on the payments paid in the last 30 days. */
  refunded: LinkedSum;
  channels: OverviewChannel[];
  banks: (LinkedSum & { bank: string })[];
  daily: { days: Day[]; rows: (LinkedSum & { day: Day; channel: TransactionChannel })[] };
  hasTransactions: boolean;
};

/** The list's `bank=b`: the bank or the payment channel is method b, in any spelling. */
function namesBank(cell: PaidCell, bank: string): boolean {
  return paymentMethodKeys(cell).includes(paymentMethodKey(bank));
}

/** The paid figure of the cells a filter's days, channel and bank select (they partition it). */
function sumCells(
  cells: PaidCell[],
  from: Day,
  to: Day,
  channel?: TransactionChannel,
  bank?: string,
) {
  const chosen = cells.filter(
    (c) =>
      c.day >= from &&
      c.day <= to &&
      (!channel || c.channel === channel) &&
      (!bank || namesBank(c, bank)),
  );
  return {
    count: chosen.reduce((n, c) => n + c.count, 0),
    amount: addDecimals("0", ...chosen.map((c) => c.amount)),
  };
}

/** Every method the cells' banks and payment channels name, once under its key. */
function bankNames(cells: PaidCell[]): string[] {
  return [...new Set(cells.flatMap(paymentMethodKeys))];
}

/** The cells folded to one per day and channel, oldest first. */
function byDayAndChannel(cells: PaidCell[]) {
  const folded = new Map<
    string,
    { day: Day; channel: TransactionChannel; count: number; amount: string }
  >();
  for (const c of cells) {
    const key = `${c.day}|${c.channel}`;
    const found = folded.get(key);
    folded.set(key, {
      day: c.day,
      channel: c.channel,
      count: (found?.count ?? 0) + c.count,
      amount: addDecimals(found?.amount ?? "0", c.amount),
    });
  }
  return [...folded.values()].sort(
    (a, b) => a.day.localeCompare(b.day) || a.channel.localeCompare(b.channel),
  );
}

/** Everything on the overview for one mode, in the viewer's zone, each number linked. */
export async function getOverview(
  mode: GatewayMode,
  zone: TimeZone,
  now = new Date(),
): Promise<Overview> {
  const scope = { mode, zone };
  const today = zonedDay(now, zone);
  const from = addDays(today, -29);
  // One pass over 60 days of paid rows by day, channel, bank and payment channel answers
  // the periods, the chart, the channels and the banks; each is the sum over its filter.
  const [cells, medians, success, openReview, refunds, any] = await Promise.all([
    paidCells(addDays(today, -59), today, scope),
    medianTimeToPay(from, today, scope),
    successByChannel(from, today, scope),
    openAndReview(scope),
    refundFigures(from, today, scope),
    hasTransactions(scope),
  ]);
  const linked = (range: { from: Day; to: Day }, channel?: TransactionChannel): LinkedSum => ({
    ...sumCells(cells, range.from, range.to, channel),
    href: transactionsListUrl(
      paidFilter(range.from, range.to, channel ? { channel: [channel] } : {}),
    ),
  });
  const recent = cells.filter((c) => c.day >= from);
  const channelList = [
    ...new Set([...recent.map((c) => c.channel), ...success.map((s) => s.channel)]),
  ];
  return {
    today,
    window: { from, to: today },
    periods: overviewPeriods(today).map((p) => ({
      days: p.days,
      current: linked(p.current),
      previous: linked(p.previous),
    })),
    open: { ...openReview.open, href: transactionsListUrl(openFilter()) },
    needsReview: { count: openReview.needsReview, href: transactionsListUrl(needsReviewFilter()) },
    paidTwice: { count: refunds.paidTwice, href: transactionsListUrl(paidTwiceFilter()) },
    maybePaidTwice: {
      count: refunds.maybePaidTwice,
      href: transactionsListUrl(maybePaidTwiceFilter()),
    },
    refunded: { ...refunds.refunded, href: transactionsListUrl(refundedFilter(from, today)) },
    channels: channelList
      .map((channel) => {
        const made = success.find((s) => s.channel === channel);
        const only = { channel: [channel] };
        return {
          channel,
          paid: linked({ from, to: today }, channel),
          medianSeconds: medians.find((m) => m.channel === channel)?.medianSeconds ?? null,
          created: {
            count: made?.created ?? 0,
            href: transactionsListUrl(createdFilter(from, today, only)),
          },
          paidOfCreated: {
            count: made?.paid ?? 0,
            href: transactionsListUrl(paidOfCreatedFilter(from, today, only)),
          },
          openOfCreated: {
            count: made?.open ?? 0,
            href: transactionsListUrl(openOfCreatedFilter(from, today, only)),
          },
        };
      })
      .sort((a, b) => Number(b.paid.amount) - Number(a.paid.amount)),
    banks: bankNames(recent)
      .map((bank) => ({
        bank,
        ...sumCells(recent, from, today, undefined, bank),
        href: transactionsListUrl(paidFilter(from, today, { bank: [bank] })),
      }))
      .sort((a, b) => Number(b.amount) - Number(a.amount) || a.bank.localeCompare(b.bank)),
    daily: {
      days: Array.from({ length: 30 }, (_, i) => addDays(from, i)),
      rows: byDayAndChannel(recent).map((d) => ({
        ...d,
        href: transactionsListUrl(paidFilter(d.day, d.day, { channel: [d.channel] })),
      })),
    },
    hasTransactions: any,
  };
}
