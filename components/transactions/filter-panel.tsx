"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { buttonClass } from "@/components/ui/button-class";
import {
  emptyFilter,
  filterChannels,
  filterFlags,
  filterStates,
  refundFilters,
  type FilterErrors,
  type TransactionFilter,
} from "@/lib/core/transaction-filter/vocabulary";
import { Check, ChoiceFieldset } from "./filter-fields";
import { filterFromForm } from "./filter-form";
import { AmountFieldset, BankFieldset, CreatorFieldset, DatesFieldset } from "./filter-sections";

/**
 * The filter panel: inline from `md` up, a full-screen sheet on a phone. Loaded only
 * when someone opens it, so the list's first load carries none of it. Its form is read
 * through the URL's own schema (filter-form.ts); a field it cannot read is named and
 * nothing is applied until it is fixed.
 */
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
  const heading = useRef<HTMLHeadingElement>(null);
  const [errors, setErrors] = useState<FilterErrors>({});
  const invalid = new Set(Object.keys(errors));

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const read = filterFromForm(new FormData(event.currentTarget), filter);
    setErrors(read.errors);
    if (Object.keys(read.errors).length === 0) onApply(read.filter);
  };
  const fields = [...invalid].map((name) => t(`errors.${name as keyof FilterErrors}`));

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
        <FilterFieldsets id={id} filter={filter} creators={creators} invalid={invalid} />
        {fields.length ? (
          <p id={`${id}-form-error`} role="alert" className="text-sm font-medium text-rose-700">
            {t("formErrors", { fields: fields.join(", ") })}
          </p>
        ) : null}
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

function FilterFieldsets({
  id,
  filter,
  creators,
  invalid,
}: {
  id: string;
  filter: TransactionFilter;
  creators: { id: string; name: string }[];
  invalid: ReadonlySet<string>;
}) {
  const t = useTranslations("filters");
  const tStatus = useTranslations("status");
  const tChannel = useTranslations("channel");
  const tFlags = useTranslations("flags");
  const section = { id, filter, invalid };
  return (
    <div className="grid gap-5 md:grid-cols-2 lg:grid-cols-4">
      <ChoiceFieldset
        legend={t("status")}
        name="status"
        values={filterStates}
        chosen={filter.status}
        label={tStatus}
      >
        <Check
          name="include"
          value="not_created"
          label={t("notCreated")}
          checked={filter.includeNotCreated}
        />
      </ChoiceFieldset>
      <ChoiceFieldset
        legend={t("channel")}
        name="channel"
        values={filterChannels}
        chosen={filter.channel}
        label={tChannel}
      />
      <BankFieldset {...section} />
      <ChoiceFieldset
        legend={t("flags")}
        name="flag"
        values={filterFlags}
        chosen={filter.flag}
        label={tFlags}
      />
      <ChoiceFieldset
        legend={t("refund")}
        name="refund"
        values={refundFilters}
        chosen={filter.refund}
        label={(f) => t(`refunds.${f}`)}
      />
      <DatesFieldset {...section} />
      <AmountFieldset {...section} />
      <CreatorFieldset {...section} creators={creators} />
    </div>
  );
}
