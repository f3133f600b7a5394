"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useFormat } from "@/components/format/use-format";
import { buttonClass } from "@/components/ui/button-class";
import {
  emptyFilter,
  filterChannels,
  filterFlags,
  filterPeriods,
  filterStates,
  filterTimeFields,
  isDay,
  knownBanks,
  resolveDateRange,
  sortFields,
  type FilterErrors,
  type SortDirection,
  type SortField,
  type TransactionFilter,
} from "@/lib/payments/transaction-filter";
import { isTimeZone, defaultTimeZone } from "@/lib/time";

const searchDelayMs = 250;
const sortDirections = ["desc", "asc"] as const;
const periodChoices = ["any", ...filterPeriods, "custom"] as const;

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
      ) : null}
    </section>
  );
}

function Fieldset({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="min-w-0 space-y-2">
      <legend className="mb-2 text-sm font-semibold text-slate-900">{legend}</legend>
      {children}
    </fieldset>
  );
}

function Check({
  name,
  value,
  label,
  checked,
}: {
  name: string;
  value: string;
  label: string;
  checked: boolean;
}) {
  return (
    <label className="flex min-h-11 items-center gap-2 text-sm text-slate-800 md:min-h-8">
      <input
        type="checkbox"
        name={name}
        value={value}
        defaultChecked={checked}
        className="size-5 accent-brand-600 md:size-4"
      />
      {label}
    </label>
  );
}

const inputClass =
  "min-h-11 w-full rounded-md bg-white px-3 py-2 text-base shadow-xs ring-1 ring-slate-300 outline-none focus:ring-2 focus:ring-brand-500 sm:text-sm";

function FilterPanel({
  id,
  filter,
  creators,
  onClose,
  onApply,
}: {
  id: string;
  filter: TransactionFilter;
  creators: { id: string; name: string }[];
  onClose: () => void;
  onApply: (next: TransactionFilter) => void;
}) {
  const t = useTranslations("filters");
  const tStatus = useTranslations("status");
  const tChannel = useTranslations("channel");
  const tFlags = useTranslations("flags");
  const heading = useRef<HTMLHeadingElement>(null);
  const [period, setPeriod] = useState<string>(
    filter.period ?? (filter.from || filter.to ? "custom" : "any"),
  );
  const [dateError, setDateError] = useState<string | null>(null);
  const otherBanks = filter.bank.filter((b) => !(knownBanks as readonly string[]).includes(b));

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const all = (name: string) => data.getAll(name).map(String);
    const text = (name: string) => String(data.get(name) ?? "").trim();
    const from = period === "custom" ? text("from") || null : null;
    const to = period === "custom" ? text("to") || null : null;
    if ((from && !isDay(from)) || (to && !isDay(to)) || (from && to && from > to)) {
      setDateError(t("errors.to"));
      return;
    }
    const digits = (v: string) => v.replace(/^\s*rp\.?\s*/i, "").replace(/[.\s]/g, "") || null;
    const other = text("bankOther")
      .split(",")
      .map((b) => b.trim().toUpperCase())
      .filter(Boolean);
    onApply({
      ...filter,
      status: all("status") as TransactionFilter["status"],
      includeNotCreated: data.get("include") === "not_created",
      channel: all("channel") as TransactionFilter["channel"],
      bank: [...new Set([...all("bank"), ...other])],
      on: text("on") as TransactionFilter["on"],
      period:
        period !== "any" && period !== "custom" ? (period as TransactionFilter["period"]) : null,
      from,
      to,
      min: digits(text("min")),
      max: digits(text("max")),
      by: text("by") || null,
      flag: all("flag") as TransactionFilter["flag"],
    });
  };

  return (
    <div
      id={id}
      className="fixed inset-0 z-40 overflow-y-auto bg-white md:static md:z-auto md:overflow-visible md:rounded-xl md:shadow-xs md:ring-1 md:ring-slate-200"
    >
      <form onSubmit={submit} className="space-y-5 p-4 md:p-5">
        <div className="flex items-center justify-between gap-3">
          <h2
            ref={heading}
            tabIndex={-1}
            className="text-base font-semibold text-slate-900 outline-none"
          >
            {t("title")}
          </h2>
          <button type="button" onClick={onClose} className={buttonClass("ghost")}>
            {t("close")}
          </button>
        </div>
        <div className="grid gap-5 md:grid-cols-2 lg:grid-cols-4">
          <Fieldset legend={t("status")}>
            {filterStates.map((s) => (
              <Check
                key={s}
                name="status"
                value={s}
                label={tStatus(s)}
                checked={filter.status.includes(s)}
              />
            ))}
            <Check
              name="include"
              value="not_created"
              label={t("notCreated")}
              checked={filter.includeNotCreated}
            />
          </Fieldset>
          <Fieldset legend={t("channel")}>
            {filterChannels.map((c) => (
              <Check
                key={c}
                name="channel"
                value={c}
                label={tChannel(c)}
                checked={filter.channel.includes(c)}
              />
            ))}
          </Fieldset>
          <Fieldset legend={t("bank")}>
            <div className="grid grid-cols-2 gap-x-3">
              {knownBanks.map((b) => (
                <Check key={b} name="bank" value={b} label={b} checked={filter.bank.includes(b)} />
              ))}
            </div>
            <div className="space-y-1.5">
              <label htmlFor={`${id}-bank-other`} className="block text-sm text-slate-800">
                {t("bankOther")}
              </label>
              <input
                id={`${id}-bank-other`}
                name="bankOther"
                defaultValue={otherBanks.join(", ")}
                aria-describedby={`${id}-bank-other-hint`}
                className={inputClass}
              />
              <p id={`${id}-bank-other-hint`} className="text-xs text-slate-600">
                {t("bankOtherHint")}
              </p>
            </div>
          </Fieldset>
          <Fieldset legend={t("flags")}>
            {filterFlags.map((f) => (
              <Check
                key={f}
                name="flag"
                value={f}
                label={tFlags(f)}
                checked={filter.flag.includes(f)}
              />
            ))}
          </Fieldset>
          <Fieldset legend={t("dates")}>
            <div className="space-y-1.5">
              <label htmlFor={`${id}-on`} className="block text-sm text-slate-800">
                {t("on")}
              </label>
              <select id={`${id}-on`} name="on" defaultValue={filter.on} className={inputClass}>
                {filterTimeFields.map((f) => (
                  <option key={f} value={f}>
                    {t(`onChoices.${f}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="space-y-1.5">
              <label htmlFor={`${id}-period`} className="block text-sm text-slate-800">
                {t("period")}
              </label>
              <select
                id={`${id}-period`}
                value={period}
                onChange={(e) => setPeriod(e.target.value)}
                className={inputClass}
              >
                {periodChoices.map((p) => (
                  <option key={p} value={p}>
                    {t(`periods.${p}`)}
                  </option>
                ))}
              </select>
            </div>
            {period === "custom" ? (
              <div className="grid grid-cols-2 gap-3">
                <div className="space-y-1.5">
                  <label htmlFor={`${id}-from`} className="block text-sm text-slate-800">
                    {t("from")}
                  </label>
                  <input
                    id={`${id}-from`}
                    type="date"
                    name="from"
                    defaultValue={filter.from ?? ""}
                    className={inputClass}
                  />
                </div>
                <div className="space-y-1.5">
                  <label htmlFor={`${id}-to`} className="block text-sm text-slate-800">
                    {t("to")}
                  </label>
                  <input
                    id={`${id}-to`}
                    type="date"
                    name="to"
                    defaultValue={filter.to ?? ""}
                    aria-invalid={dateError ? true : undefined}
                    aria-describedby={`${id}-to-error`}
                    className={inputClass}
                  />
                </div>
                <p id={`${id}-to-error`} className="col-span-2 text-xs font-medium text-rose-700">
                  {dateError}
                </p>
              </div>
            ) : null}
          </Fieldset>
          <Fieldset legend={t("amount")}>
            <div className="grid grid-cols-2 gap-3">
              <div className="space-y-1.5">
                <label htmlFor={`${id}-min`} className="block text-sm text-slate-800">
                  {t("min")}
                </label>
                <input
                  id={`${id}-min`}
                  name="min"
                  inputMode="numeric"
                  defaultValue={filter.min ?? ""}
                  className={inputClass}
                />
              </div>
              <div className="space-y-1.5">
                <label htmlFor={`${id}-max`} className="block text-sm text-slate-800">
                  {t("max")}
                </label>
                <input
                  id={`${id}-max`}
                  name="max"
                  inputMode="numeric"
                  defaultValue={filter.max ?? ""}
                  className={inputClass}
                />
              </div>
            </div>
          </Fieldset>
          <Fieldset legend={t("by")}>
            <label htmlFor={`${id}-by`} className="sr-only">
              {t("by")}
            </label>
            <select id={`${id}-by`} name="by" defaultValue={filter.by ?? ""} className={inputClass}>
              <option value="">{t("anyone")}</option>
              {creators.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </Fieldset>
        </div>
        <div className="sticky bottom-0 -mx-4 flex gap-3 border-t border-slate-200 bg-white px-4 py-3 md:static md:mx-0 md:border-0 md:px-0 md:py-0">
          <button type="submit" className={`${buttonClass()} flex-1 md:flex-none`}>
            {t("apply")}
          </button>
          <button
            type="button"
            onClick={() =>
              onApply({ ...emptyFilter, q: filter.q, sort: filter.sort, dir: filter.dir })
            }
            className={`${buttonClass("secondary")} flex-1 md:flex-none`}
          >
            {t("clear")}
          </button>
        </div>
      </form>
    </div>
  );
}

function FilterChips({
  filter,
  creators,
  onChange,
}: {
  filter: TransactionFilter;
  creators: { id: string; name: string }[];
  onChange: (next: TransactionFilter) => void;
}) {
  const t = useTranslations("filters");
  const tStatus = useTranslations("status");
  const tChannel = useTranslations("channel");
  const tFlags = useTranslations("flags");
  const format = useFormat();
  const zone = isTimeZone(format.zone) ? format.zone : defaultTimeZone;
  const chips: { key: string; label: string; next: TransactionFilter }[] = [];
  if (filter.status.length) {
    chips.push({
      key: "status",
      label: t("chip.status", { value: filter.status.map((s) => tStatus(s)).join(", ") }),
      next: { ...filter, status: [] },
    });
  }
  if (filter.includeNotCreated) {
    chips.push({
      key: "include",
      label: t("chip.notCreated"),
      next: { ...filter, includeNotCreated: false },
    });
  }
  if (filter.channel.length) {
    chips.push({
      key: "channel",
      label: t("chip.channel", { value: filter.channel.map((c) => tChannel(c)).join(", ") }),
      next: { ...filter, channel: [] },
    });
  }
  if (filter.bank.length) {
    chips.push({
      key: "bank",
      label: t("chip.bank", { value: filter.bank.join(", ") }),
      next: { ...filter, bank: [] },
    });
  }
  const on = t(`onChoices.${filter.on}`);
  if (filter.period) {
    chips.push({
      key: "period",
      label: t("chip.period", { on, value: t(`periods.${filter.period}`) }),
      next: { ...filter, period: null },
    });
  } else if (filter.from || filter.to) {
    const range = resolveDateRange(filter, zone);
    chips.push({
      key: "range",
      label: t("chip.range", {
        on,
        from: range.start ? format.date(range.start) : "…",
        to: filter.to ? format.date(new Date((range.end?.getTime() ?? 0) - 1)) : "…",
      }),
      next: { ...filter, from: null, to: null },
    });
  }
  if (filter.min) {
    chips.push({
      key: "min",
      label: t("chip.min", { amount: format.money(filter.min) }),
      next: { ...filter, min: null },
    });
  }
  if (filter.max) {
    chips.push({
      key: "max",
      label: t("chip.max", { amount: format.money(filter.max) }),
      next: { ...filter, max: null },
    });
  }
  if (filter.by) {
    const name = creators.find((c) => c.id === filter.by)?.name ?? filter.by.slice(0, 8);
    chips.push({ key: "by", label: t("chip.by", { name }), next: { ...filter, by: null } });
  }
  for (const flag of filter.flag) {
    chips.push({
      key: `flag-${flag}`,
      label: t("chip.flag", { value: tFlags(flag) }),
      next: { ...filter, flag: filter.flag.filter((f) => f !== flag) },
    });
  }
  if (filter.q)
    chips.push({ key: "q", label: t("chip.q", { value: filter.q }), next: { ...filter, q: "" } });
  if (chips.length === 0) return null;
  return (
    <ul aria-label={t("active")} className="flex flex-wrap gap-2">
      {chips.map((chip) => (
        <li key={chip.key}>
          <button
            type="button"
            onClick={() => onChange(chip.next)}
            aria-label={t("remove", { label: chip.label })}
            className="inline-flex min-h-11 max-w-full items-center gap-1.5 rounded-full bg-brand-50 px-3 text-sm text-brand-700 ring-1 ring-brand-100 hover:bg-brand-100 focus-visible:outline-2 focus-visible:outline-brand-500 md:min-h-8"
          >
            <span className="truncate">{chip.label}</span>
            <svg
              aria-hidden
              viewBox="0 0 24 24"
              className="size-4 shrink-0"
              fill="none"
              stroke="currentColor"
            >
              <path strokeWidth={2} strokeLinecap="round" d="M6 6l12 12M18 6L6 18" />
            </svg>
          </button>
        </li>
      ))}
    </ul>
  );
}
