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
  paidByChannel,
  paidByDayAndChannel,
  paidFilter,
  paidOfCreatedFilter,
  successByChannel,
  sumFilters,
} from "@/db/queries/overview";
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

/** Everything on the overview for one mode, in the viewer's zone, each number linked. */
export async function getOverview(
  mode: GatewayMode,
  zone: TimeZone,
  now = new Date(),
): Promise<Overview> {
  const scope = { mode, zone };
  const today = zonedDay(now, zone);
  const from = addDays(today, -29);
  const periods = overviewPeriods(today);
  const periodFilters = periods.flatMap((p) => [
    paidFilter(p.current.from, p.current.to),
    paidFilter(p.previous.from, p.previous.to),
  ]);
  const [sums, channels, success, banks, daily, openReview, any] = await Promise.all([
    sumFilters(periodFilters, paidFilter(addDays(today, -59), today), scope),
    paidByChannel(from, today, scope),
    successByChannel(from, today, scope),
    paidByBank(from, today, scope),
    paidByDayAndChannel(from, today, scope),
    openAndReview(scope),
    hasTransactions(scope),
  ]);
  const linked = (i: number): LinkedSum => ({
    ...sums[i]!,
    href: transactionsListUrl(periodFilters[i]!),
  });
  const channelList = [
    ...new Set([...channels.map((c) => c.channel), ...success.map((s) => s.channel)]),
  ];
  return {
    today,
    window: { from, to: today },
    periods: periods.map((p, i) => ({
      days: p.days,
      current: linked(2 * i),
      previous: linked(2 * i + 1),
    })),
    open: { ...openReview.open, href: transactionsListUrl(openFilter()) },
    needsReview: { count: openReview.needsReview, href: transactionsListUrl(needsReviewFilter()) },
    channels: channelList.map((channel) => {
      const paid = channels.find((c) => c.channel === channel);
      const made = success.find((s) => s.channel === channel);
      const only = { channel: [channel] };
      return {
        channel,
        paid: {
          count: paid?.count ?? 0,
          amount: paid?.amount ?? "0",
          href: transactionsListUrl(paidFilter(from, today, only)),
        },
        medianSeconds: paid?.medianSeconds ?? null,
        created: {
          count: made?.created ?? 0,
          href: transactionsListUrl(createdFilter(from, today, only)),
        },
        paidOfCreated: {
          count: made?.paid ?? 0,
          href: transactionsListUrl(paidOfCreatedFilter(from, today, only)),
        },
      };
    }),
    banks: banks.map((b) => ({
      ...b,
      href: transactionsListUrl(paidFilter(from, today, { bank: b.bank })),
    })),
    daily: {
      days: Array.from({ length: 30 }, (_, i) => addDays(from, i)),
      rows: daily.map((d) => ({
        ...d,
        href: transactionsListUrl(paidFilter(d.day, d.day, { channel: [d.channel] })),
      })),
    },
    hasTransactions: any,
  };
}
