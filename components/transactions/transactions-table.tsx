"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState, type MouseEvent, type ReactNode } from "react";
import { useFormat } from "@/components/format/use-format";
import { useLiveChanges, type Highlight } from "@/components/live/use-live-changes";
import { EmptyState } from "@/components/ui/empty-state";
import { FetchError } from "@/lib/http/fetcher";
import { isFiltered, emptyFilter, type TransactionFilter } from "@/lib/payments/transaction-filter";
import type {
  TransactionListItem,
  TransactionListPage,
} from "@/lib/payments/transaction-list-types";
import { ExportButtons } from "./export-buttons";
import { StatusBadge } from "./status-badge";
import { TransactionFilters } from "./transaction-filters";
import { TransactionsTotals } from "./transactions-totals";
import { listQuery, useTransactionFilter } from "./use-transaction-filter";
import { transactionsUrl, useTransactions } from "./use-transactions";

const columns = ["title", "channel", "amount", "status", "created", "paid"] as const;

/** Scrolled further than this, the reader is reading: new rows wait behind a "show" bar. */
const readingOffsetPx = 160;

/**
 * The transactions list: search, sort and filters (all in the URL), the totals of the
 * whole filtered set, export, and the live table: a table from `md` up, cards on a
 * phone. Rows that arrive while someone reads further down wait behind an "n new —
 * show" bar instead of pushing the page; on an older page, new rows are counted.
 */
export function TransactionsView({
  initialPage,
  initialQuery,
  creators,
  canExport,
  emptyAction,
}: {
  initialPage: TransactionListPage;
  /** The query the server rendered `initialPage` for. */
  initialQuery: string;
  creators: { id: string; name: string }[];
  canExport: boolean;
  emptyAction?: ReactNode;
}) {
  const t = useTranslations("transactions");
  const tLive = useTranslations("live");
  const tStatus = useTranslations("status");
  const tCommon = useTranslations("common");
  const format = useFormat();
  const { filter, errors, cursor, navigate } = useTransactionFilter();
  const query = listQuery(filter, cursor);
  const filterQuery = listQuery(filter);
  const url = transactionsUrl(query);
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

  const [held, setHeld] = useState<ReadonlySet<string>>(new Set());
  const shown = useRef<{ url: string; ids: Set<string> }>({
    url,
    ids: new Set(initialPage.items.map((i) => i.id)),
  });
  const [loadedUrl, setLoadedUrl] = useState(query === initialQuery ? url : "");
  const baseline = useRef<{ url: string; count: number }>({ url, count: initialPage.totals.count });
  const [newSince, setNewSince] = useState<{ url: string; count: number }>({ url, count: 0 });

  const onData = useCallback(
    (page: TransactionListPage, key: string) => {
      live.observe(key, page.items);
      setLoadedUrl(key);
      const before = shown.current;
      const ids = new Set(page.items.map((i) => i.id));
      shown.current = { url: key, ids };
      if (baseline.current.url !== key) baseline.current = { url: key, count: page.totals.count };
      setNewSince({ url: key, count: page.totals.count - baseline.current.count });
      if (before.url !== key) {
        setHeld(new Set());
        return;
      }
      const arrived = page.items.filter((i) => !before.ids.has(i.id)).map((i) => i.id);
      if (arrived.length && window.scrollY > readingOffsetPx) {
        setHeld((h) => new Set([...h, ...arrived]));
      }
    },
    [live],
  );
  const { data, error, isValidating } = useTransactions(
    url,
    query === initialQuery ? initialPage : undefined,
    onData,
  );
  const page = data ?? initialPage;
  const items = page.items.filter((i) => !held.has(i.id));
  const highlights = live.highlights;
  const updating = isValidating && loadedUrl !== url;
  const newSincePage = cursor && newSince.url === url ? newSince.count : 0;

  // The back button restores an earlier filter: start at the top of that list.
  useEffect(() => {
    const onPop = () => setHeld(new Set());
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);

  const change = useCallback(
    (next: TransactionFilter, options?: { replace?: boolean }) => navigate(next, options),
    [navigate],
  );
  const go = (event: MouseEvent<HTMLAnchorElement>, nextCursor: string | null) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(filter, { cursor: nextCursor });
    window.scrollTo({ top: 0 });
  };
  const showHeld = () => {
    setHeld(new Set());
    window.scrollTo({ top: 0, behavior: "smooth" });
  };
  const filtered = isFiltered(filter);

  return (
    <div className="space-y-4">
      <TransactionFilters filter={filter} errors={errors} creators={creators} onChange={change} />
      <TransactionsTotals totals={page.totals} />
      {canExport ? <ExportButtons query={filterQuery} count={page.totals.count} /> : null}
      {held.size > 0 ? (
        <div className="sticky top-2 z-20 flex justify-center">
          <button
            type="button"
            onClick={showHeld}
            className="inline-flex min-h-11 items-center gap-2 rounded-full bg-brand-600 px-4 text-sm font-medium text-white shadow-lg hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
          >
            {t("newRows", { count: held.size })} · {t("showNew")}
          </button>
        </div>
      ) : null}
      {newSincePage > 0 ? (
        <p
          role="status"
          className="flex flex-wrap items-center gap-2 rounded-md bg-brand-50 px-3 py-2 text-sm text-slate-800 ring-1 ring-brand-100"
        >
          {t("newSincePage", { count: newSincePage })}
          <a
            href={`/transactions${filterQuery ? `?${filterQuery}` : ""}`}
            onClick={(e) => go(e, null)}
            className="inline-flex min-h-11 items-center font-medium text-brand-700 hover:underline"
          >
            {t("showNewest")}
          </a>
        </p>
      ) : null}
      <div
        aria-busy={updating}
        className={`overflow-hidden rounded-xl bg-white shadow-xs ring-1 ring-slate-200 ${updating ? "opacity-70" : ""}`}
      >
        <div className="flex items-center justify-between gap-3 border-b border-slate-200 px-4 py-2 text-xs text-slate-600">
          <span>{updating ? t("loadingRows") : t("matching", { count: page.totals.count })}</span>
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
          filtered ? (
            <EmptyState
              title={t("emptyFilteredTitle")}
              action={
                <button
                  type="button"
                  onClick={() => change({ ...emptyFilter, sort: filter.sort, dir: filter.dir })}
                  className="inline-flex min-h-11 items-center rounded-md px-3 text-sm font-medium text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50"
                >
                  {t("clearFilters")}
                </button>
              }
            >
              {t("emptyFilteredBody")}
            </EmptyState>
          ) : (
            <EmptyState title={t("emptyTitle")} action={emptyAction}>
              {t("emptyBody")}
            </EmptyState>
          )
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
                    <td className="px-4 py-3 text-slate-700">
                      <ChannelCell item={item} />
                    </td>
                    <td className="px-4 py-3 text-right tabular-nums">
                      <p className="font-medium">{format.money(item.amount)}</p>
                      {item.fee ? (
                        <p className="text-xs text-slate-600">
                          {t("feeLine", { fee: format.money(item.fee) })}
                        </p>
                      ) : null}
                    </td>
                    <td className="px-4 py-3">
                      <StatusBadge state={item.state} rawStatus={item.rawStatus} />
                      <FlagList flags={item.flags} />
                    </td>
                    <td className="px-4 py-3 whitespace-nowrap text-slate-700">
                      {format.dateTime(item.createdAt)}
                    </td>
                    <td className="px-4 py-3 whitespace-nowrap text-slate-700">
                      <p>{format.dateTime(item.paidAt)}</p>
                      {item.settledAt ? (
                        <p className="text-xs text-slate-600">
                          {t("settledLine", { time: format.dateTime(item.settledAt) })}
                        </p>
                      ) : null}
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
                    <div className="shrink-0 text-right">
                      <p className="font-semibold tabular-nums">{format.money(item.amount)}</p>
                      {item.fee ? (
                        <p className="text-xs text-slate-600 tabular-nums">
                          {t("feeLine", { fee: format.money(item.fee) })}
                        </p>
                      ) : null}
                    </div>
                  </div>
                  <div className="mt-2 flex flex-wrap items-center justify-between gap-2 text-xs text-slate-700">
                    <span className="flex flex-wrap items-center gap-1.5">
                      <StatusBadge state={item.state} rawStatus={item.rawStatus} />
                      <FlagList flags={item.flags} />
                    </span>
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
            <a
              href={`/transactions${filterQuery ? `?${filterQuery}` : ""}`}
              onClick={(e) => go(e, null)}
              className="flex min-h-11 items-center text-brand-700 hover:underline"
            >
              {t("newest")}
            </a>
          ) : (
            <span />
          )}
          {page.nextCursor ? (
            <a
              href={`/transactions?${listQuery(filter, page.nextCursor)}`}
              onClick={(e) => go(e, page.nextCursor)}
              className="flex min-h-11 items-center text-brand-700 hover:underline"
            >
              {t("older")}
            </a>
          ) : null}
        </nav>
      </div>
    </div>
  );
}

function rowTone(mark: Highlight | undefined): string {
  return mark ? "bg-amber-50 transition-colors duration-1000" : "transition-colors duration-1000";
}

function FlagList({ flags }: { flags: string[] }) {
  const t = useTranslations("flags");
  if (flags.length === 0) return null;
  return (
    <span className="mt-1 flex flex-wrap gap-1">
      {flags.map((flag) => (
        <span
          key={flag}
          className="rounded bg-amber-100 px-1.5 py-0.5 text-[0.7rem] font-medium text-amber-950"
        >
          {t.has(flag as "needs_review") ? t(flag as "needs_review") : flag}
        </span>
      ))}
    </span>
  );
}

function ChannelCell({ item }: { item: TransactionListItem }) {
  const t = useTranslations();
  const used = item.paymentChannel ?? item.bank;
  return (
    <>
      <p>{t(`channel.${item.channel}`)}</p>
      {used ? (
        <p className="text-xs text-slate-600">
          {item.paymentChannel ? t("transactions.paidWith", { channel: used }) : used}
        </p>
      ) : null}
    </>
  );
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
      {item.customerName ? (
        <p className="truncate text-xs text-slate-600">{item.customerName}</p>
      ) : null}
    </>
  );
}
