"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { TransactionChannel } from "@/db/schema";
import { formatDay, formatMoney } from "@/lib/format";
import { intlLocales, type Locale } from "@/lib/i18n/config";
import { channelColours, type DailyRow } from "./chart-data";

const compact = new Map<Locale, Intl.NumberFormat>();

/** Stacked bars of daily paid volume per channel (recharts; loaded on the overview only). */
export function DailyChart({
  rows,
  channels,
  labels,
  locale,
}: {
  rows: DailyRow[];
  channels: TransactionChannel[];
  labels: Record<string, string>;
  locale: Locale;
}) {
  if (!compact.has(locale))
    compact.set(locale, new Intl.NumberFormat(intlLocales[locale], { notation: "compact" }));
  // Bar heights only: the exact amounts are in the table and the tooltip.
  const data = rows.map((r) => ({
    day: r.day,
    ...Object.fromEntries(channels.map((c) => [c, Number(r.cells[c]?.amount ?? 0)])),
  }));
  return (
    <div className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={data}
          margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
          // The summary sentence and the table are its text; the bars take no keyboard stop.
          accessibilityLayer={false}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis
            dataKey="day"
            tickFormatter={(day: string) =>
              formatDay(day, locale)
                .replace(/\s*\d{4}$/, "")
                .replace(/,$/, "")
            }
            tick={{ fontSize: 11, fill: "#475569" }}
            minTickGap={16}
          />
          <YAxis
            tickFormatter={(v: number) => compact.get(locale)!.format(v)}
            tick={{ fontSize: 11, fill: "#475569" }}
            width={48}
          />
          <Tooltip
            formatter={(value, name) => [
              formatMoney(String(value), locale),
              labels[String(name)] ?? String(name),
            ]}
            labelFormatter={(day) => formatDay(String(day), locale, true)}
          />
          <Legend
            formatter={(name: string) => labels[name] ?? name}
            wrapperStyle={{ fontSize: 12 }}
          />
          {channels.map((c) => (
            <Bar
              key={c}
              dataKey={c}
              stackId="paid"
              fill={channelColours[c]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
