import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatPercent } from "@/lib/format";
import { getFormatter } from "@/lib/i18n/server";
import { addDecimals } from "@/lib/core/money";
import type { LinkedSum, OverviewPeriod } from "@/lib/payments/overview";
import { quietLinkClass } from "@/components/ui/link-class";

/** The change from `previous` to `current` as a ratio, or null when there was nothing before. */
function change(current: string, previous: string): number | null {
  const before = Number(previous);
  if (before === 0) return null;
  // A float only for the percentage shown; the amounts themselves stay exact.
  return Number(addDecimals(current, `-${previous}`)) / before;
}

const tones = { none: "text-slate-600", up: "text-emerald-800", down: "text-rose-800" } as const;
function toneOf(ratio: number | null): string {
  if (ratio === null || ratio === 0) return tones.none;
  return ratio > 0 ? tones.up : tones.down;
}

/** Paid volume and count today, in 7 and in 30 days, each against the period before. */
export async function PeriodCards({ periods }: { periods: OverviewPeriod[] }) {
  const t = await getTranslations("overview");
  const format = await getFormatter();
  return (
    <ul className="grid gap-4 md:grid-cols-3">
      {periods.map((p) => {
        const ratio = change(p.current.amount, p.previous.amount);
        const tone = toneOf(ratio);
        return (
          <li key={p.days} className="rounded-xl bg-white p-4 shadow-xs ring-1 ring-slate-200">
            <h2 className="text-sm font-medium text-slate-600">{t(`periods.${p.days}`)}</h2>
            <p className="mt-1 text-2xl font-semibold tabular-nums">
              <Link href={p.current.href} className={quietLinkClass}>
                {format.money(p.current.amount)}
              </Link>
            </p>
            <p className="text-sm text-slate-700">
              <Link href={p.current.href} className={quietLinkClass}>
                {t("paidCount", { count: p.current.count })}
              </Link>
            </p>
            <p className={`mt-2 text-xs font-medium ${tone}`}>
              {ratio === null
                ? t("noChange")
                : t("change", { change: formatPercent(ratio, format.locale, true) })}
            </p>
            <p className="text-xs text-slate-600">
              <Link href={p.previous.href} className={quietLinkClass}>
                {t(`previous.${p.days}`, { amount: format.money(p.previous.amount) })}
              </Link>
            </p>
          </li>
        );
      })}
    </ul>
  );
}

/** One figure card: a headline number and a line under it, both linking to their list. */
function Card({
  title,
  figure,
  body,
  href,
  tone,
}: {
  title: string;
  figure: string;
  body: string;
  href: string;
  tone: "plain" | "attention";
}) {
  return (
    <li
      className={`rounded-xl p-4 shadow-xs ring-1 ${
        tone === "attention" ? "bg-amber-50 ring-amber-200" : "bg-white ring-slate-200"
      }`}
    >
      <h2 className="text-sm font-medium text-slate-700">{title}</h2>
      <p className="mt-1 text-xl font-semibold tabular-nums">
        <Link href={href} className={quietLinkClass}>
          {figure}
        </Link>
      </p>
      <p className="text-sm text-slate-700">
        <Link href={href} className={quietLinkClass}>
          {body}
        </Link>
      </p>
    </li>
  );
}

/** Open payments, those to review, the two paid-twice queues and the money given back. */
export async function StatusCards({
  open,
  needsReview,
  paidTwice,
  maybePaidTwice,
  refunded,
}: {
  open: LinkedSum;
  needsReview: { count: number; href: string };
  paidTwice: { count: number; href: string };
  maybePaidTwice: { count: number; href: string };
  refunded: LinkedSum;
}) {
  const t = await getTranslations("overview");
  const format = await getFormatter();
  const attention = (count: number) => (count > 0 ? "attention" : "plain");
  return (
    <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      <Card
        title={t("open")}
        figure={format.money(open.amount)}
        body={t("openBody", { count: open.count })}
        href={open.href}
        tone="plain"
      />
      <Card
        title={t("needsReview")}
        figure={format.number(needsReview.count)}
        body={t("needsReviewBody", { count: needsReview.count })}
        href={needsReview.href}
        tone={attention(needsReview.count)}
      />
      <Card
        title={t("paidTwice")}
        figure={format.number(paidTwice.count)}
        body={t("paidTwiceBody", { count: paidTwice.count })}
        href={paidTwice.href}
        tone={attention(paidTwice.count)}
      />
      <Card
        title={t("maybePaidTwice")}
        figure={format.number(maybePaidTwice.count)}
        body={t("maybePaidTwiceBody", { count: maybePaidTwice.count })}
        href={maybePaidTwice.href}
        tone={attention(maybePaidTwice.count)}
      />
      <Card
        title={t("refunded")}
        figure={format.money(refunded.amount)}
        body={t("refundedBody", { count: refunded.count })}
        href={refunded.href}
        tone="plain"
      />
    </ul>
  );
}
