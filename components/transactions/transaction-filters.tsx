"use client";

import { useTranslations } from "next-intl";
import { lazy, Suspense, useEffect, useId, useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button-class";
import { FilterChips } from "./filter-chips";
import {
  sortFields,
  type FilterErrors,
  type SortDirection,
  type SortField,
  type TransactionFilter,
} from "@/lib/core/transaction-filter/vocabulary";

// Loaded when first opened (most visits only search or sort), with React.lazy rather
// than next/dynamic: the panel is never rendered on the server, and next/dynamic would
// add its own loader code to the list's first paint.
const FilterPanel = lazy(() => import("./filter-panel").then((m) => ({ default: m.FilterPanel })));

const searchDelayMs = 250;
const sortDirections = ["desc", "asc"] as const;

function countActive(filter: TransactionFilter): number {
  let n = 0;
  if (filter.status.length) n++;
  if (filter.includeNotCreated) n++;
  if (filter.channel.length) n++;
  if (filter.bank.length) n++;
  if (filter.period || filter.from || filter.to) n++;
  if (filter.min || filter.max) n++;
  if (filter.by) n++;
  if (filter.flag.length) n++;
  if (filter.refund.length) n++;
  return n;
}

/**
 * The list's controls: a search box (results as you type), the sort, a "Filters" button
 * that opens the filter panel (inline from `md` up, a full-screen sheet on a phone),
 * and the active filters as removable chips. Every change goes to the URL.
 */
export function TransactionFilters({
  filter,
  errors,
  creators,
  onChange,
}: {
  filter: TransactionFilter;
  errors: FilterErrors;
  creators: { id: string; name: string }[];
  onChange: (next: TransactionFilter, options?: { replace?: boolean }) => void;
}) {
  const t = useTranslations("filters");
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState(filter.q);
  const typed = useRef(filter.q);
  const panelId = useId();
  const active = countActive(filter);

  // The URL moved (back button, a chip removed): the box shows what is searched.
  useEffect(() => {
    if (filter.q !== typed.current) {
      typed.current = filter.q;
      setSearch(filter.q);
    }
  }, [filter.q]);

  // Results as you type: the URL (and so the list) follows the box after a short pause.
  useEffect(() => {
    const text = search.trim();
    if (text === filter.q) return;
    const timer = setTimeout(() => {
      typed.current = text;
      onChange({ ...filter, q: text }, { replace: true });
    }, searchDelayMs);
    return () => clearTimeout(timer);
  }, [search, filter, onChange]);

  const sortValue = `${filter.sort}-${filter.dir}`;
  const ignored = Object.keys(errors) as (keyof FilterErrors)[];

  return (
    <section aria-label={t("title")} className="space-y-3">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="min-w-0 flex-1 space-y-1.5">
          <label htmlFor="transactions-search" className="block text-sm font-medium text-slate-800">
            {t("search")}
          </label>
          <input
            id="transactions-search"
            type="search"
            value={search}
            maxLength={200}
            autoComplete="off"
            spellCheck={false}
            placeholder={t("searchPlaceholder")}
            aria-describedby="transactions-search-hint"
            onChange={(event) => setSearch(event.target.value)}
            className="min-h-11 w-full rounded-md bg-white px-3 py-2 text-base shadow-xs ring-1 ring-slate-300 outline-none placeholder:text-slate-500 focus:ring-2 focus:ring-brand-500 sm:text-sm"
          />
          <p id="transactions-search-hint" className="text-xs text-slate-600">
            {t("searchHint")}
          </p>
        </div>
        <div className="flex items-end gap-3 sm:pb-5">
          <div className="min-w-0 flex-1 space-y-1.5 sm:w-52 sm:flex-none">
            <label htmlFor="transactions-sort" className="block text-sm font-medium text-slate-800">
              {t("sort")}
            </label>
            <select
              id="transactions-sort"
              value={sortValue}
              onChange={(event) => {
                const [sort, dir] = event.target.value.split("-") as [SortField, SortDirection];
                onChange({ ...filter, sort, dir });
              }}
              className="min-h-11 w-full rounded-md bg-white px-3 text-base shadow-xs ring-1 ring-slate-300 outline-none focus:ring-2 focus:ring-brand-500 sm:text-sm"
            >
              {sortFields.flatMap((sort) =>
                sortDirections.map((dir) => (
                  <option key={`${sort}-${dir}`} value={`${sort}-${dir}`}>
                    {t(`sorts.${sort}-${dir}`)}
                  </option>
                )),
              )}
            </select>
          </div>
          <button
            type="button"
            aria-expanded={open}
            aria-controls={panelId}
            onClick={() => setOpen((o) => !o)}
            className={buttonClass(active ? "primary" : "secondary")}
          >
            <svg
              aria-hidden
              viewBox="0 0 24 24"
              className="size-4"
              fill="none"
              stroke="currentColor"
            >
              <path strokeWidth={2} strokeLinecap="round" d="M4 6h16M7 12h10M10 18h4" />
            </svg>
            {active ? t("openCount", { count: active }) : t("open")}
          </button>
        </div>
      </div>
      {ignored.length ? (
        <p
          role="status"
          className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950 ring-1 ring-amber-200"
        >
          {t("ignored", { fields: ignored.map((k) => t(`errors.${k}`)).join(", ") })}
        </p>
      ) : null}
      <FilterChips filter={filter} creators={creators} onChange={onChange} />
      {open ? (
        <Suspense fallback={null}>
          <FilterPanel
            id={panelId}
            key={JSON.stringify(filter)}
            filter={filter}
            creators={creators}
            onClose={() => setOpen(false)}
            onApply={(next) => {
              setOpen(false);
              onChange(next);
            }}
          />
        </Suspense>
      ) : null}
    </section>
  );
}
