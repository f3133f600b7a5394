import Link from "next/link";
import { Fragment, type ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { quietLinkClass } from "@/components/ui/link-class";
import { formatDuration, formatPercent } from "@/lib/format";
import { getFormatter } from "@/lib/i18n/server";
import { successRate, type OverviewChannel } from "@/lib/payments/overview";
import { BreakdownTable } from "./breakdown-table";

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
  const detail = (c: OverviewChannel) => successDetail(t, format, c);
  return (
    <BreakdownTable
      id="overview-channels"
      title={t("channelsTitle")}
      hint={t("successHint")}
      rowPadding="py-2.5"
      tableClassName="hidden md:table"
      columns={[
        { label: t("columns.channel") },
        { label: t("columns.volume"), numeric: true, cellClassName: "tabular-nums" },
        { label: t("columns.successRate") },
        { label: t("columns.medianTime"), numeric: true, cellClassName: "whitespace-nowrap" },
      ]}
      rows={channels.map((c) => ({
        key: c.channel,
        head: tChannel(c.channel),
        cells: [
          <Fragment key="volume">
            <Link href={c.paid.href} className={`${quietLinkClass} font-medium`}>
              {format.money(c.paid.amount)}
            </Link>
            <br />
            <Link href={c.paid.href} className={`${quietLinkClass} text-xs text-slate-600`}>
              {t("paidCount", { count: c.paid.count })}
            </Link>
          </Fragment>,
          <Fragment key="rate">
            <span className="font-medium tabular-nums">{rate(c)}</span>
            <br />
            <span className="text-xs text-slate-600">{detail(c)}</span>
          </Fragment>,
          formatDuration(c.medianSeconds, format.locale),
        ],
      }))}
    >
      <ChannelCards
        channels={channels}
        t={t}
        tChannel={tChannel}
        format={format}
        rate={rate}
        detail={detail}
      />
    </BreakdownTable>
  );
}

type OverviewWords = Awaited<ReturnType<typeof getTranslations<"overview">>>;
type Format = Awaited<ReturnType<typeof getFormatter>>;

/** "3 of 5 paid, 1 still open", each figure a link to those payments. */
function successDetail(t: OverviewWords, format: Format, c: OverviewChannel) {
  return t.rich("successDetail", {
    paid: format.number(c.paidOfCreated.count),
    created: format.number(c.created.count),
    open: c.openOfCreated.count,
    openCount: format.number(c.openOfCreated.count),
    openLink: (chunks) => (
      <Link href={c.openOfCreated.href} className={quietLinkClass}>
        {chunks}
      </Link>
    ),
    paidLink: (chunks) => (
      <Link href={c.paidOfCreated.href} className={quietLinkClass}>
        {chunks}
      </Link>
    ),
    createdLink: (chunks) => (
      <Link href={c.created.href} className={quietLinkClass}>
        {chunks}
      </Link>
    ),
  });
}

/** The phone's list in place of the table. */
function ChannelCards({
  channels,
  t,
  tChannel,
  format,
  rate,
  detail,
}: {
  channels: OverviewChannel[];
  t: OverviewWords;
  tChannel: Awaited<ReturnType<typeof getTranslations<"channel">>>;
  format: Format;
  rate: (c: OverviewChannel) => string;
  detail: (c: OverviewChannel) => ReactNode;
}) {
  return (
    <ul className="divide-y divide-slate-100 md:hidden">
      {channels.map((c) => (
        <li key={c.channel} className="space-y-1 px-4 py-3 text-sm">
          <div className="flex justify-between gap-3">
            <span className="font-medium">{tChannel(c.channel)}</span>
            <Link href={c.paid.href} className={`${quietLinkClass} font-semibold tabular-nums`}>
              {format.money(c.paid.amount)}
            </Link>
          </div>
          <dl className="grid grid-cols-2 gap-x-3 text-xs text-slate-700">
            <dt>{t("columns.paidCount")}</dt>
            <dd className="text-right">
              <Link href={c.paid.href} className={quietLinkClass}>
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
  );
}
