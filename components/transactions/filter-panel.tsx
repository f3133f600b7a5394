"use client";

import { DayInput } from "@/components/ui/day-input";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { buttonClass } from "@/components/ui/button-class";
import { paymentName } from "@/lib/i18n/payment-name";
import {
  emptyFilter,
  filterChannels,
  filterFlags,
  refundFilters,
  filterPeriods,
  filterStates,
  filterTimeFields,
  isDay,
  knownBanks,
  type TransactionFilter,
} from "@/lib/payments/transaction-filter";

const periodChoices = ["any", ...filterPeriods, "custom"] as const;

/**
 * The filter panel: inline from `md` up, a full-screen sheet on a phone. Loaded only
 * when someone opens it, so the list's first load carries none of it.
 */
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

export function FilterPanel({
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
  const tAll = useTranslations();
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
      refund: all("refund") as TransactionFilter["refund"],
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
                <Check
                  key={b}
                  name="bank"
                  value={b}
                  label={paymentName(tAll, b)}
                  checked={filter.bank.includes(b)}
                />
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
          <Fieldset legend={t("refund")}>
            {refundFilters.map((f) => (
              <Check
                key={f}
                name="refund"
                value={f}
                label={t(`refunds.${f}`)}
                checked={filter.refund.includes(f)}
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
                  <DayInput
                    id={`${id}-from`}
                    name="from"
                    defaultValue={filter.from}
                    className={inputClass}
                  />
                </div>
                <div className="space-y-1.5">
                  <label htmlFor={`${id}-to`} className="block text-sm text-slate-800">
                    {t("to")}
                  </label>
                  <DayInput
                    id={`${id}-to`}
                    name="to"
                    defaultValue={filter.to}
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
