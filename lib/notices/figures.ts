import "server-only";
import { groupedTotals, transactionTotals } from "@/db/queries/transaction-totals";
import type { GatewayMode } from "@/lib/core/modes";
import { addDays, monthStart, type Day, type TimeZone } from "@/lib/core/time";
import { resolveFilter } from "@/lib/core/transaction-filter/resolve";
import {
  listFilter,
  serializeTransactionFilter,
  transactionsListUrl,
} from "@/lib/core/transaction-filter/url";
import type { TransactionFilter } from "@/lib/core/transaction-filter/vocabulary";
import type { SummedTotals } from "@/lib/core/transaction-totals";
import { getEnv } from "@/lib/env";

/** One line of money figures, with the list that shows its rows. */
export type FigureLine = Pick<
  SummedTotals,
  "paidCount" | "paidAmount" | "fees" | "unknownFeeCount" | "net"
> & { link: string; channel?: string; day?: string };

/** The daily recap's figures: each with the absolute link to its filtered list. */
export type RecapFigures = {
  day: Day;
  channels: FigureLine[];
  total: FigureLine;
  refunds: { count: number; amount: string; link: string };
  open: { count: number; amount: string; link: string };
  review: { count: number; link: string };
  /** The XLSX attachment's filter (the paid rows of the day), as the list's URL params. */
  exportQuery: string;
};

export type StatementFigures = {
  month: Day;
  channels: FigureLine[];
  days: FigureLine[];
  total: FigureLine;
};

const link = (filter: TransactionFilter) => `${getEnv().appUrl}${transactionsListUrl(filter)}`;

function line(totals: SummedTotals, filter: TransactionFilter): FigureLine {
  return {
    paidCount: Number(totals.paidCount),
    paidAmount: totals.paidAmount,
    fees: totals.fees,
    unknownFeeCount: Number(totals.unknownFeeCount),
    net: totals.net,
    link: link(filter),
  };
}

/**
 * Yesterday's figures for a recap (the day `day` in `zone`, one mode): what was paid
 * that day, by channel and in all (fees known and unknown, net over the known part),
 * the refunds on those payments, and what is open and needs review now. Every figure
 * is the totals of the filter its link names (db/queries/transaction-totals.ts).
 */
export async function recapFigures(
  mode: GatewayMode,
  zone: TimeZone,
  day: Day,
): Promise<RecapFigures> {
  const paid = listFilter({ on: "paid", from: day, to: day, zone, status: ["paid", "settled"] });
  const open = listFilter({ status: ["active", "unconfirmed"] });
  const review = listFilter({ flag: ["needs_review"] });
  const refunded = listFilter({ ...paid, refund: ["refunded", "partly_refunded"] });
  const resolve = (f: TransactionFilter) => resolveFilter(f, mode, zone);
  const [byChannel, total, openTotals, reviewTotals] = await Promise.all([
    groupedTotals(resolve(paid), { channel: true }),
    transactionTotals(resolve(paid)),
    transactionTotals(resolve(open)),
    transactionTotals(resolve(review)),
  ]);
  return {
    day,
    channels: byChannel
      .filter((g) => Number(g.paidCount) > 0 && g.channel)
      .map((g) => ({
        ...line(g, { ...paid, channel: [g.channel!] }),
        channel: g.channel!,
      })),
    total: line(total, paid),
    refunds: { count: Number(total.refundedCount), amount: total.refunded, link: link(refunded) },
    open: { count: Number(openTotals.openCount), amount: openTotals.openAmount, link: link(open) },
    review: { count: Number(reviewTotals.count), link: link(review) },
    exportQuery: serializeTransactionFilter(paid).toString(),
  };
}

/** The month before `today`'s (in `zone`): its settled payments by channel and by day. */
export async function statementFigures(
  mode: GatewayMode,
  zone: TimeZone,
  today: Day,
): Promise<StatementFigures> {
  const month = monthStart(today, -1);
  const last = addDays(monthStart(today), -1);
  const settled = listFilter({ on: "settled", from: month, to: last, zone, status: ["settled"] });
  const resolved = resolveFilter(settled, mode, zone);
  const [byChannel, byDay, total] = await Promise.all([
    groupedTotals(resolved, { channel: true }),
    groupedTotals(resolved, { day: zone }),
    transactionTotals(resolved),
  ]);
  return {
    month,
    channels: byChannel
      .filter((g) => g.channel)
      .map((g) => ({ ...line(g, { ...settled, channel: [g.channel!] }), channel: g.channel! })),
    days: byDay
      .filter((g) => g.day)
      .sort((a, b) => (a.day! < b.day! ? -1 : 1))
      .map((g) => ({ ...line(g, { ...settled, from: g.day!, to: g.day! }), day: g.day! })),
    total: line(total, settled),
  };
}
