import type { TransactionChannel } from "@/db/schema";
import { channelFacts, channels as channelOrder, type Channel } from "@/lib/core/channels";
import { addDecimals } from "@/lib/core/money";
import type { Overview } from "@/lib/payments/overview";

/** One colour per channel (lib/core/channels.ts), dark enough against white for 3:1. */
export const channelColours = Object.fromEntries(
  channelOrder.map((c) => [c, channelFacts[c].colour]),
) as Record<Channel, string>;

export type DailyCell = { amount: string; href: string } | undefined;
export type DailyRow = {
  day: string;
  total: string;
  cells: Partial<Record<TransactionChannel, { amount: string; href: string }>>;
};

/** The 30 days as rows (every day, paid or not) with the channels that appear. */
export function dailyRows(daily: Overview["daily"]) {
  const channels = [...new Set(daily.rows.map((r) => r.channel))].sort(
    (a, b) => channelOrder.indexOf(a) - channelOrder.indexOf(b),
  );
  const rows: DailyRow[] = daily.days.map((day) => {
    const cells: DailyRow["cells"] = {};
    for (const r of daily.rows)
      if (r.day === day) cells[r.channel] = { amount: r.amount, href: r.href };
    return { day, cells, total: addDecimals("0", ...Object.values(cells).map((c) => c.amount)) };
  });
  return { channels, rows };
}
