import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatDay } from "@/lib/format";
import { getFormatter } from "@/lib/i18n/server";
import type { Day } from "@/lib/core/time";

/** Closed days whose figures moved after close: each links to its review. */
export async function AdjustedDays({ days }: { days: Day[] }) {
  if (days.length === 0) return null;
  const t = await getTranslations("reconciliation");
  const format = await getFormatter();
  return (
    <section
      aria-labelledby="adjusted-days"
      className="space-y-2 rounded-xl bg-rose-50 p-4 ring-1 ring-rose-200"
    >
      <h2 id="adjusted-days" className="font-semibold text-rose-900">
        {t("overviewTitle", { count: days.length })}
      </h2>
      <p className="text-sm text-rose-900">{t("overviewBody")}</p>
      <ul className="flex flex-wrap gap-2">
        {days.map((day) => (
          <li key={day}>
            <Link
              href={`/reconciliation/${day}`}
              className="inline-flex min-h-11 items-center rounded-md bg-white px-3 text-sm font-medium text-brand-700 ring-1 ring-rose-200 hover:underline focus-visible:outline-2 focus-visible:outline-brand-500"
            >
              {formatDay(day, format.locale, true)}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
