"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useFormat } from "@/components/format/use-format";
import { formatDay } from "@/lib/format";
import { addDecimals } from "@/lib/core/money";
import type { Overview } from "@/lib/payments/overview";
import { dailyRows } from "./chart-data";
import type { DailyChart } from "./daily-chart";

function ChartPlaceholder() {
  const t = useTranslations("overview");
  return (
    <div className="flex h-72 animate-pulse items-center justify-center rounded bg-slate-50 text-sm text-slate-600">
      {t("chartLoading")}
    </div>
  );
}

/**
 * Daily paid volume by channel: a chart (hidden from screen readers, which get the
 * summary sentence), and the same numbers as a table, shown on request, each linked.
 */
export function DailyChartSection({ daily }: { daily: Overview["daily"] }) {
  const t = useTranslations("overview");
  const tChannel = useTranslations("channel");
  const format = useFormat();
  const [showTable, setShowTable] = useState(false);
  const { channels, rows } = dailyRows(daily);
  const total = addDecimals("0", ...rows.map((r) => r.total));
  const busiest = rows.reduce<(typeof rows)[number] | null>(
    (best, r) => (!best || Number(r.total) > Number(best.total) ? r : best),
    null,
  );
  const empty = daily.rows.length === 0;
  // recharts loads only here, once the figures are on screen: the rest of the dashboard
  // never ships it, and the overview's first paint does not wait for it. (A plain import,
  // not next/dynamic, whose loader would itself add to the first paint.)
  const [Chart, setChart] = useState<typeof DailyChart | null>(null);
  useEffect(() => {
    if (empty) return;
    let mounted = true;
    void import("./daily-chart").then((m) => {
      if (mounted) setChart(() => m.DailyChart);
    });
    return () => {
      mounted = false;
    };
  }, [empty]);
  return (
    <section
      aria-labelledby="overview-chart"
      className="rounded-xl bg-white p-4 shadow-xs ring-1 ring-slate-200"
    >
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h2 id="overview-chart" className="font-semibold">
            {t("chartTitle")}
          </h2>
          <p id="overview-chart-summary" className="text-sm text-slate-600">
            {empty || !busiest
              ? t("chartEmpty")
              : t("chartSummary", {
                  total: format.money(total),
                  day: formatDay(busiest.day, format.locale),
                  amount: format.money(busiest.total),
                })}
          </p>
        </div>
        {empty ? null : (
          <button
            type="button"
            aria-expanded={showTable}
            aria-controls="overview-chart-table"
            onClick={() => setShowTable((v) => !v)}
            className="inline-flex min-h-11 shrink-0 items-center rounded-md px-3 text-sm font-medium text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-500"
          >
            {showTable ? t("hideTable") : t("showTable")}
          </button>
        )}
      </div>
      {empty ? null : (
        <>
          <div className="mt-3" aria-hidden>
            {Chart ? (
              <Chart
                rows={rows}
                channels={channels}
                labels={Object.fromEntries(channels.map((c) => [c, tChannel(c)]))}
                locale={format.locale}
              />
            ) : (
              <ChartPlaceholder />
            )}
          </div>
          <div
            id="overview-chart-table"
            hidden={!showTable}
            role="region"
            aria-label={t("tableCaption")}
            tabIndex={0}
            className="mt-4 max-h-[32rem] overflow-auto rounded ring-1 ring-slate-200 focus-visible:outline-2 focus-visible:outline-brand-500"
          >
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("tableCaption")}</caption>
              <thead className="sticky top-0 bg-slate-50 text-xs font-medium text-slate-600">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    {t("day")}
                  </th>
                  {channels.map((c) => (
                    <th key={c} scope="col" className="px-3 py-2 text-right whitespace-nowrap">
                      {tChannel(c)}
                    </th>
                  ))}
                  <th scope="col" className="px-3 py-2 text-right">
                    {t("total")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {[...rows].reverse().map((r) => (
                  <tr key={r.day}>
                    <th scope="row" className="px-3 py-1.5 font-normal whitespace-nowrap">
                      {formatDay(r.day, format.locale)}
                    </th>
                    {channels.map((c) => {
                      const cell = r.cells[c];
                      return (
                        <td
                          key={c}
                          className="px-3 py-1.5 text-right whitespace-nowrap tabular-nums"
                        >
                          {cell ? (
                            <Link href={cell.href} className="hover:text-brand-700 hover:underline">
                              {format.money(cell.amount)}
                            </Link>
                          ) : (
                            format.money("0")
                          )}
                        </td>
                      );
                    })}
                    <td className="px-3 py-1.5 text-right font-medium whitespace-nowrap tabular-nums">
                      {format.money(r.total)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
