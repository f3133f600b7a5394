"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useFormat } from "@/components/format/use-format";
import { useLiveChanges, type Highlight } from "@/components/live/use-live-changes";
import { EmptyState } from "@/components/ui/empty-state";
import { FetchError } from "@/lib/http/fetcher";
import type {
  TransactionListItem,
  TransactionListPage,
} from "@/lib/payments/transaction-list-types";
import { StatusBadge } from "./status-badge";
import { transactionsUrl, useTransactions } from "./use-transactions";

const columns = ["title", "channel", "amount", "status", "created", "paid"] as const;

/**
 * The live transactions list: a table from `md` up, a list of cards on a phone (title,
 * amount, status, time: what a merchant checks first). Rows that arrive or change
 * are marked for a few seconds and announced.
 */
export function TransactionsTable({
  initialPage,
  cursor,
  emptyAction,
}: {
  initialPage: TransactionListPage;
  cursor: string | null;
  emptyAction?: ReactNode;
}) {
  const t = useTranslations("transactions");
  const tLive = useTranslations("live");
  const tStatus = useTranslations("status");
  const tChannel = useTranslations("channel");
  const tCommon = useTranslations("common");
  const format = useFormat();
  const url = transactionsUrl(cursor ? new URLSearchParams({ cursor }) : "");
  const title = (item: TransactionListItem) => item.title ?? tCommon("untitled");
  const live = useLiveChanges({ scope: url, items: initialPage.items }, (item, previous) => {
    const status = tStatus(item.state);
    const amount = format.money(item.amount);
    const becamePaid = item.state === "paid" && previous?.state !== "paid";
    return {
      announcement: previous
        ? tLive("changed", { title: title(item), status })
        : tLive("arrived", { title: title(item), amount, status }),
      paid: becamePaid ? tLive("paidToast", { amount, title: title(item) }) : undefined,
    };
  });
  const { data, error, isValidating } = useTransactions(url, initialPage, (page) =>
    live.observe(url, page.items),
  );
  const items = data?.items ?? [];
  const highlights = live.highlights;

  return (
    <div className="overflow-hidden rounded-xl bg-white shadow-xs ring-1 ring-slate-200">
      <div className="flex items-center justify-between gap-3 border-b border-slate-200 px-4 py-2 text-xs text-slate-600">
        <span>{t("count", { count: items.length })}</span>
        <span>
          {error ? (
            <span className="text-rose-700">
              {t("livePaused", {
                error: t(
                  error instanceof FetchError && error.status === 401
                    ? "liveSessionEnded"
                    : "liveUnreachable",
                ),
              })}
            </span>
          ) : (
            <span className="inline-flex items-center gap-1.5">
              <span
                aria-hidden
                className={`size-2 rounded-full ${isValidating ? "bg-brand-500" : "bg-emerald-500"}`}
              />
              {t("live")}
            </span>
          )}
        </span>
      </div>
      {items.length === 0 ? (
        <EmptyState title={t("emptyTitle")} action={emptyAction}>
          {t("emptyBody")}
        </EmptyState>
      ) : (
        <>
          <table className="hidden w-full text-left text-sm md:table">
            <thead className="bg-slate-50 text-xs font-medium tracking-wide text-slate-600 uppercase">
              <tr>
                {columns.map((c) => (
                  <th
                    key={c}
                    scope="col"
                    className={`px-4 py-2.5 ${c === "amount" ? "text-right" : ""}`}
                  >
                    {t(`columns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((item) => (
                <tr key={item.id} className={rowTone(highlights.get(item.id))}>
                  <td className="px-4 py-3">
                    <TitleCell item={item} title={title(item)} mark={highlights.get(item.id)} />
                  </td>
                  <td className="px-4 py-3 text-slate-700">{tChannel(item.channel)}</td>
                  <td className="px-4 py-3 text-right font-medium tabular-nums">
                    {format.money(item.amount)}
                  </td>
                  <td className="px-4 py-3">
                    <StatusBadge state={item.state} rawStatus={item.rawStatus} />
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap text-slate-700">
                    {format.dateTime(item.createdAt)}
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap text-slate-700">
                    {format.dateTime(item.paidAt)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <ul className="divide-y divide-slate-100 md:hidden">
            {items.map((item) => (
              <li key={item.id} className={`px-4 py-3 ${rowTone(highlights.get(item.id))}`}>
                <div className="flex items-start justify-between gap-3">
                  <div className="min-w-0">
                    <TitleCell item={item} title={title(item)} mark={highlights.get(item.id)} />
                  </div>
                  <p className="shrink-0 font-semibold tabular-nums">{format.money(item.amount)}</p>
                </div>
                <div className="mt-2 flex flex-wrap items-center justify-between gap-2 text-xs text-slate-700">
                  <StatusBadge state={item.state} rawStatus={item.rawStatus} />
                  <span>{format.dateTime(item.paidAt ?? item.createdAt)}</span>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      <nav
        aria-label={t("pages")}
        className="flex justify-between border-t border-slate-200 px-4 py-1 text-sm"
      >
        {cursor ? (
          <Link
            href="/transactions"
            className="flex min-h-11 items-center text-brand-700 hover:underline"
          >
            {t("newest")}
          </Link>
        ) : (
          <span />
        )}
        {data?.nextCursor ? (
          <Link
            href={`/transactions?cursor=${encodeURIComponent(data.nextCursor)}`}
            className="flex min-h-11 items-center text-brand-700 hover:underline"
          >
            {t("older")}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}

function rowTone(mark: Highlight | undefined): string {
  return mark ? "bg-amber-50 transition-colors duration-1000" : "transition-colors duration-1000";
}

function TitleCell({
  item,
  title,
  mark,
}: {
  item: TransactionListItem;
  title: string;
  mark: Highlight | undefined;
}) {
  const t = useTranslations();
  return (
    <>
      <Link
        href={`/transactions/${item.id}`}
        className="font-medium break-words text-slate-900 hover:text-brand-700 focus-visible:outline-2 focus-visible:outline-brand-500"
      >
        {title}
      </Link>
      {mark ? (
        <span className="ml-2 rounded bg-amber-200 px-1.5 py-0.5 text-[0.7rem] font-semibold text-amber-950">
          {t(mark === "new" ? "live.newBadge" : "live.changedBadge")}
        </span>
      ) : null}
      <p className="truncate font-mono text-xs text-slate-600">
        {item.externalId ?? t("transactions.outside")}
        <span className="md:hidden"> · {t(`channel.${item.channel}`)}</span>
      </p>
    </>
  );
}
