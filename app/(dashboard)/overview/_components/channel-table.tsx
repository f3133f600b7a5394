import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatDuration, formatPercent } from "@/lib/format";
import { getFormatter } from "@/lib/i18n/server";
import { successRate, type OverviewChannel } from "@/lib/payments/overview";

const linkClass =
  "rounded-sm hover:text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-brand-500";

/** Per channel over the last 30 days: paid, volume, success rate, median time to pay. */
export async function ChannelTable({ channels }: { channels: OverviewChannel[] }) {
  const t = await getTranslations("overview");
  const tChannel = await getTranslations("channel");
  const none = (await getTranslations("common"))("none");
  const format = await getFormatter();
  const rate = (c: OverviewChannel) => {
    const share = successRate(c);
    return share === null ? none : formatPercent(share, format.locale);
  };
  const detail = (c: OverviewChannel) =>
    t.rich("successDetail", {
      paid: format.number(c.paidOfCreated.count),
      created: format.number(c.created.count),
      open: c.openOfCreated.count,
      openCount: format.number(c.openOfCreated.count),
      openLink: (chunks) => (
        <Link href={c.openOfCreated.href} className={linkClass}>
          {chunks}
        </Link>
      ),
      paidLink: (chunks) => (
        <Link href={c.paidOfCreated.href} className={linkClass}>
          {chunks}
        </Link>
      ),
      createdLink: (chunks) => (
        <Link href={c.created.href} className={linkClass}>
          {chunks}
        </Link>
      ),
    });
  return (
    <section
      aria-labelledby="overview-channels"
      className="overflow-hidden rounded-xl bg-white shadow-xs ring-1 ring-slate-200"
    >
      <h2 id="overview-channels" className="border-b border-slate-200 px-4 py-3 font-semibold">
        {t("channelsTitle")}
      </h2>
      <p className="px-4 pt-2 text-xs text-slate-600">{t("successHint")}</p>
      <table className="hidden w-full text-left text-sm md:table">
        <thead className="text-xs font-medium text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2">
              {t("columns.channel")}
            </th>
            <th scope="col" className="px-4 py-2 text-right">
              {t("columns.volume")}
            </th>
            <th scope="col" className="px-4 py-2">
              {t("columns.successRate")}
            </th>
            <th scope="col" className="px-4 py-2 text-right">
              {t("columns.medianTime")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {channels.map((c) => (
            <tr key={c.channel}>
              <th scope="row" className="px-4 py-2.5 font-medium">
                {tChannel(c.channel)}
              </th>
              <td className="px-4 py-2.5 text-right tabular-nums">
                <Link href={c.paid.href} className={`${linkClass} font-medium`}>
                  {format.money(c.paid.amount)}
                </Link>
                <br />
                <Link href={c.paid.href} className={`${linkClass} text-xs text-slate-600`}>
                  {t("paidCount", { count: c.paid.count })}
                </Link>
              </td>
              <td className="px-4 py-2.5">
                <span className="font-medium tabular-nums">{rate(c)}</span>
                <br />
                <span className="text-xs text-slate-600">{detail(c)}</span>
              </td>
              <td className="px-4 py-2.5 text-right whitespace-nowrap">
                {formatDuration(c.medianSeconds, format.locale)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="divide-y divide-slate-100 md:hidden">
        {channels.map((c) => (
          <li key={c.channel} className="space-y-1 px-4 py-3 text-sm">
            <div className="flex justify-between gap-3">
              <span className="font-medium">{tChannel(c.channel)}</span>
              <Link href={c.paid.href} className={`${linkClass} font-semibold tabular-nums`}>
                {format.money(c.paid.amount)}
              </Link>
            </div>
            <dl className="grid grid-cols-2 gap-x-3 text-xs text-slate-700">
              <dt>{t("columns.paidCount")}</dt>
              <dd className="text-right">
                <Link href={c.paid.href} className={linkClass}>
                  {format.number(c.paid.count)}
                </Link>
              </dd>
              <dt>{t("columns.successRate")}</dt>
              <dd className="text-right">
                {rate(c)} · {detail(c)}
              </dd>
              <dt>{t("columns.medianTime")}</dt>
              <dd className="text-right">{formatDuration(c.medianSeconds, format.locale)}</dd>
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}
