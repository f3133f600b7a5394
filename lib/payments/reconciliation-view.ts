import "server-only";
import type { TransactionChannel } from "@/db/schema";
import { getReconciliationDay, listReconciliationDays } from "@/db/queries/reconciliation-days";
import {
  lastOverdueDay,
  overdueByChannel,
  settlementByDayAndChannel,
  settlementPaidFilter,
  settledFilter,
  unsettledFilter,
  type SettlementCell,
} from "@/db/queries/settlement";
import type { GatewayMode } from "@purwantara/contract";
import type { TimeZone } from "@/lib/core/time";
import { transactionsListUrl } from "@/lib/core/transaction-filter/url";
import { type TransactionFilter } from "@/lib/core/transaction-filter/vocabulary";
import { dayTotals } from "./reconciliation";
import { getSavedSettlementDelays } from "@/lib/settings/merchant";
import { closingAdjustments, listAdjustmentReviews } from "./closing-adjustments";
import type { SettlementDelays } from "./settlement-delays";
import { addDays, daysDescending, zonedDay, type Day } from "@/lib/core/time";

/** One row of the settlement view: a day, or a day's channel, each figure with its list URL. */
export type SettlementRow = {
  day: Day;
  channel: TransactionChannel | null;
  paid: { count: number; amount: string; href: string };
  settled: {
    count: number;
    amount: string;
    /** Over the known part; `unknownFeeCount` payments have no fee reported yet. */
    fee: string;
    net: string;
    unknownFeeCount: number;
    href: string;
  };
  unsettled: { count: number; amount: string; href: string; overdue: boolean };
};

function row(
  day: Day,
  zone: TimeZone,
  channel: TransactionChannel | null,
  cells: SettlementCell[],
  overdue: boolean,
): SettlementRow {
  const totals = dayTotals(cells);
  // The list draws the day in the business's zone too, whoever opens the link.
  const only: Partial<TransactionFilter> = { zone, ...(channel ? { channel: [channel] } : {}) };
  return {
    day,
    channel,
    paid: {
      count: totals.paidCount,
      amount: totals.paidAmount,
      href: transactionsListUrl(settlementPaidFilter(day, day, only)),
    },
    settled: {
      count: totals.settledCount,
      amount: totals.settledAmount,
      fee: totals.fee,
      net: totals.net,
      unknownFeeCount: totals.unknownFeeCount,
      href: transactionsListUrl(settledFilter(day, day, only)),
    },
    unsettled: {
      count: totals.unsettledCount,
      amount: totals.unsettledAmount,
      href: transactionsListUrl(unsettledFilter(day, day, only)),
      overdue,
    },
  };
}

/** Whether a day's unsettled payments of a channel are past the channel's expected delay. */
function isOverdue(cell: SettlementCell, today: Day, delays: SettlementDelays): boolean {
  return cell.unsettled.count > 0 && cell.day <= lastOverdueDay(today, delays[cell.channel]);
}

export type OverdueSummary = {
  channel: TransactionChannel;
  count: number;
  amount: string;
  to: Day;
  delay: number;
  href: string;
};

/**
 * A month of days (up to today) in `zone` (the business's), newest first, with their
 * closing, whether a closed day moved after close, and what is overdue.
 */
export async function getReconciliationMonth(
  mode: GatewayMode,
  zone: TimeZone,
  month: string,
  now = new Date(),
) {
  const today = zonedDay(now, zone);
  const first = `${month}-01`;
  const last = addDays(addDays(first, 32).slice(0, 8) + "01", -1);
  const to = last < today ? last : today;
  const delays = await getSavedSettlementDelays();
  const scope = { mode, zone };
  const [cells, closings, overdue] = await Promise.all([
    first <= to ? settlementByDayAndChannel(first, to, scope) : Promise.resolve([]),
    listReconciliationDays(mode, first, last),
    overdueByChannel(today, delays, scope),
  ]);
  const days = first <= to ? daysDescending(first, to) : [];
  const adjusted = new Set((await closingAdjustments(mode, closings)).map((a) => a.day));
  return {
    today,
    zone,
    delays,
    days: days.map((day) => {
      const own = cells.filter((c) => c.day === day);
      return {
        ...row(
          day,
          zone,
          null,
          own,
          own.some((c) => isOverdue(c, today, delays)),
        ),
        ended: day < today,
        closing: closings.find((c) => c.day === day) ?? null,
        adjusted: adjusted.has(day),
      };
    }),
    overdue: overdue
      .filter((o) => o.count > 0 && o.from)
      .map((o): OverdueSummary => ({
        channel: o.channel,
        count: o.count,
        amount: o.amount,
        to: o.to,
        delay: delays[o.channel],
        href: transactionsListUrl(unsettledFilter(o.from!, o.to, { zone, channel: [o.channel] })),
      })),
  };
}

/**
 * One day of `zone` (the business's) per channel with totals, its closing, and what moved
 * in it after it was closed (with the reviews of that).
 */
export async function getReconciliationDayView(
  mode: GatewayMode,
  zone: TimeZone,
  day: Day,
  now = new Date(),
) {
  const today = zonedDay(now, zone);
  const delays = await getSavedSettlementDelays();
  const [cells, closing] = await Promise.all([
    settlementByDayAndChannel(day, day, { mode, zone }),
    getReconciliationDay(mode, day),
  ]);
  const [adjustment = null] = closing ? await closingAdjustments(mode, [closing]) : [];
  return {
    today,
    zone,
    ended: day < today,
    channels: cells.map((c) => row(day, zone, c.channel, [c], isOverdue(c, today, delays))),
    total: row(
      day,
      zone,
      null,
      cells,
      cells.some((c) => isOverdue(c, today, delays)),
    ),
    closing,
    adjustment,
    reviews: closing ? await listAdjustmentReviews([closing.id]) : [],
  };
}
