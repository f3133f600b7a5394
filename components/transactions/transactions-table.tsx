"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState, type MouseEvent, type ReactNode } from "react";
import { useFormat } from "@/components/format/use-format";
import type { Highlight } from "@/components/live/use-live-changes";
import { EmptyState } from "@/components/ui/empty-state";
import { isFiltered } from "@/lib/core/transaction-filter/url";
import { emptyFilter, type TransactionFilter } from "@/lib/core/transaction-filter/vocabulary";
import type { TransactionListPage } from "@/lib/payments/transaction-list-types";
import { ExportButtons } from "./export-buttons";
import { TransactionFilters } from "./transaction-filters";
import { LiveMark } from "./live-mark";
import { TransactionsTotals } from "./transactions-totals";
import type { TransactionRows } from "./transaction-rows";
import type { PollState, TransactionsPoll } from "./transactions-poll";
import { listQuery, transactionsUrl, useTransactionFilter } from "./use-transaction-filter";

const noHighlights: ReadonlyMap<string, Highlight> = new Map();

/** Scrolled further than this, the reader is reading: new rows wait behind a "show" bar. */
const readingOffsetPx = 160;

/**
 * The transactions list: search, sort and filters (all in the URL), the totals of the
 * whole filtered set, export, and the live table: a table from `md` up, cards on a
 * phone. Rows that arrive while someone reads further down wait behind an "n new —
 * show" bar instead of pushing the page; on an older page, new rows are counted.
 * `initialRows` are `initialPage`'s rows, rendered on the server (TransactionRows); the
 * list renders its own once the poll or a filter brings others.
 */
export function TransactionsView({
  initialPage,
  initialRows,
  initialQuery,
  creators,
  canExport,
  emptyAction,
}: {
  initialPage: TransactionListPage;
  initialRows: ReactNode;
  /** The query the server rendered `initialPage` for. */
  initialQuery: string;
  creators: { id: string; name: string }[];
  canExport: boolean;
  emptyAction?: ReactNode;
}) {
  const t = useTranslations("transactions");
  const format = useFormat();
  const { filter, errors, cursor, navigate } = useTransactionFilter();
  const query = listQuery(filter, cursor);
  const filterQuery = listQuery(filter);
  const url = transactionsUrl(query);

  const [held, setHeld] = useState<ReadonlySet<string>>(new Set());
  const shown = useRef<{ url: string; ids: Set<string> }>({
    url,
    ids: new Set(initialPage.items.map((i) => i.id)),
  });
  const [loadedUrl, setLoadedUrl] = useState(query === initialQuery ? url : "");
  const baseline = useRef<{ url: string; count: number }>({ url, count: initialPage.totals.count });
  const [newSince, setNewSince] = useState<{ url: string; count: number }>({ url, count: 0 });

  const onData = useCallback((page: TransactionListPage, key: string) => {
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
  }, []);
  // The poll (SWR) and the rows' code load once the page is on screen: the server
  // rendered the first rows, and the first poll is due only after an interval. Until
  // then a filter changed in the meantime shows as loading.
  const [loaded, setLoaded] = useState<{
    Poll: typeof TransactionsPoll;
    Rows: typeof TransactionRows;
  } | null>(null);
  useEffect(() => {
    let mounted = true;
    void Promise.all([import("./transactions-poll"), import("./transaction-rows")]).then(
      ([poll, rows]) => {
        if (mounted) setLoaded({ Poll: poll.TransactionsPoll, Rows: rows.TransactionRows });
      },
    );
    return () => {
      mounted = false;
    };
  }, []);
  const [poll, setPoll] = useState<PollState | null>(null);
  const page = poll?.data ?? initialPage;
  const failure = poll?.failure ?? null;
  const isValidating = poll?.isValidating ?? false;
  const items = page.items.filter((i) => !held.has(i.id));
  const highlights = poll?.highlights ?? noHighlights;
  const updating = (poll === null || isValidating) && loadedUrl !== url;
  // The server's rows stand while nothing on them changed (and until the rows' code is in).
  const serverRows = page === initialPage && held.size === 0 && highlights.size === 0;
  const Rows = serverRows ? null : loaded?.Rows;
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
      {loaded ? (
        <loaded.Poll
          url={url}
          initial={{ url: transactionsUrl(initialQuery), page: initialPage }}
          fallbackData={query === initialQuery ? initialPage : undefined}
          onData={onData}
          onState={setPoll}
        />
      ) : null}
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
          <LiveMark failure={failure} isValidating={isValidating} />
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
          // The box the table scrolls sideways in outlives the swap from the server's rows
          // to the browser's, so a reader's scroll position is kept.
          <div
            role="region"
            aria-label={t("tableLabel")}
            tabIndex={0}
            className="overflow-x-auto focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand-500"
          >
            {Rows ? <Rows items={items} highlights={highlights} format={format} /> : initialRows}
          </div>
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
