import "server-only";
import type { TransactionChannel } from "@/db/schema";
import {
  createdFilter,
  hasTransactions,
  needsReviewFilter,
  openAndReview,
  openFilter,
  overviewPeriods,
  paidByBank,
  medianTimeToPay,
  paidByDayAndChannel,
  paidFilter,
  paidOfCreatedFilter,
  successByChannel,
  type DailyPaid,
} from "@/db/queries/overview";
import { addDecimals } from "@/lib/money";
import type { GatewayMode } from "@/lib/purwantara/contract";
import type { TimeZone } from "@/lib/time";
import { transactionsListUrl } from "./list-filter";
import { addDays, zonedDay, type Day } from "./zoned-days";

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
};

export type Overview = {
  today: Day;
  /** The last 30 days, `today` included: the window of the breakdowns and the chart. */
  window: { from: Day; to: Day };
  periods: OverviewPeriod[];
  open: LinkedSum;
  needsReview: { count: number; href: string };
  channels: OverviewChannel[];
  banks: (LinkedSum & { bank: string })[];
  daily: { days: Day[]; rows: (LinkedSum & { day: Day; channel: TransactionChannel })[] };
  hasTransactions: boolean;
};

/** The paid figure of the cells a filter's days and channel select (the days partition it). */
function sumCells(cells: DailyPaid[], from: Day, to: Day, channel?: TransactionChannel) {
  const chosen = cells.filter(
    (c) => c.day >= from && c.day <= to && (!channel || c.channel === channel),
  );
  return {
    count: chosen.reduce((n, c) => n + c.count, 0),
    amount: addDecimals("0", ...chosen.map((c) => c.amount)),
  };
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
  // One pass over 60 days of paid rows by day and channel answers the periods, the
  // chart and the per-channel volume; each is still the sum over its own list filter.
  const [cells, medians, success, banks, openReview, any] = await Promise.all([
    paidByDayAndChannel(addDays(today, -59), today, scope),
    medianTimeToPay(from, today, scope),
    successByChannel(from, today, scope),
    paidByBank(from, today, scope),
    openAndReview(scope),
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
        };
      })
      .sort((a, b) => Number(b.paid.amount) - Number(a.paid.amount)),
    banks: banks.map((b) => ({
      ...b,
      href: transactionsListUrl(paidFilter(from, today, { bank: b.bank })),
    })),
    daily: {
      days: Array.from({ length: 30 }, (_, i) => addDays(from, i)),
      rows: recent.map((d) => ({
        ...d,
        href: transactionsListUrl(paidFilter(d.day, d.day, { channel: [d.channel] })),
      })),
    },
    hasTransactions: any,
  };
}
