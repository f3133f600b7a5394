import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatDay } from "@/lib/format";
import { intlLocales } from "@/lib/i18n/config";
import { getFormatter } from "@/lib/i18n/server";
import type { OverdueSummary } from "@/lib/payments/reconciliation-view";
import type { SettlementDelays } from "@/lib/payments/settlement-delays";

/** The expected settlement delay of each channel, in one sentence. */
export async function DelaysNote({ delays }: { delays: SettlementDelays }) {
  const t = await getTranslations("reconciliation");
  const tChannel = await getTranslations("channel");
  const format = await getFormatter();
  const byDays = new Map<number, string[]>();
  for (const [channel, days] of Object.entries(delays) as [keyof SettlementDelays, number][])
    byDays.set(days, [...(byDays.get(days) ?? []), tChannel(channel)]);
  const list = new Intl.ListFormat(intlLocales[format.locale], { type: "conjunction" });
  const items = [...byDays.entries()]
    .sort(([a], [b]) => a - b)
    .map(([days, channels]) => t("delayItem", { days, channel: list.format(channels) }));
  return <p className="text-sm text-slate-600">{t("delays", { list: list.format(items) })}</p>;
}

/** Paid payments not settled after their channel's delay, per channel, each linked. */
export async function OverduePanel({ overdue }: { overdue: OverdueSummary[] }) {
  const t = await getTranslations("reconciliation");
  const tChannel = await getTranslations("channel");
  const format = await getFormatter();
  if (overdue.length === 0) {
    return (
      <p className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-950 ring-1 ring-emerald-200">
        {t("overdueNone")}
      </p>
    );
  }
  return (
    <section
      aria-labelledby="reconciliation-overdue"
      className="rounded-xl bg-rose-50 px-4 py-3 ring-1 ring-rose-200"
    >
      <h2 id="reconciliation-overdue" className="font-semibold text-rose-900">
        {t("overdueTitle")}
      </h2>
      <ul className="mt-1 space-y-1 text-sm text-rose-950">
        {overdue.map((o) => (
          <li key={o.channel}>
            <Link
              href={o.href}
              className="underline hover:text-rose-700 focus-visible:outline-2 focus-visible:outline-brand-500"
            >
              {t("overdueItem", {
                channel: tChannel(o.channel),
                count: o.count,
                amount: format.money(o.amount),
                day: formatDay(o.to, format.locale),
              })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
