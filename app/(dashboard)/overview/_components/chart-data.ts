import type { TransactionChannel } from "@/db/schema";
import { addDecimals } from "@/lib/core/money";
import type { Overview } from "@/lib/payments/overview";

/** One colour per channel, dark enough against white for the bars' 3:1 contrast. */
export const channelColours = {
  "virtual-account": "#1d4ed8",
  qris: "#b45309",
  "ewallet-ovo": "#6d28d9",
  "ewallet-shopeepay": "#c2410c",
  "ewallet-other": "#0e7490",
  "payment-link": "#047857",
  counter: "#be123c",
} as const satisfies Record<TransactionChannel, string>;

export type DailyCell = { amount: string; href: string } | undefined;
export type DailyRow = {
  day: string;
  total: string;
  cells: Partial<Record<TransactionChannel, { amount: string; href: string }>>;
};

/** The 30 days as rows (every day, paid or not) with the channels that appear. */
export function dailyRows(daily: Overview["daily"]) {
  const channels = [...new Set(daily.rows.map((r) => r.channel))].sort(
    (a, b) => Object.keys(channelColours).indexOf(a) - Object.keys(channelColours).indexOf(b),
  );
  const rows: DailyRow[] = daily.days.map((day) => {
    const cells: DailyRow["cells"] = {};
    for (const r of daily.rows)
      if (r.day === day) cells[r.channel] = { amount: r.amount, href: r.href };
    return { day, cells, total: addDecimals("0", ...Object.values(cells).map((c) => c.amount)) };
  });
  return { channels, rows };
}
