"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { DayInput } from "@/components/ui/day-input";
import { paymentName } from "@/lib/i18n/payment-name";
import {
  filterTimeFields,
  knownBanks,
  type TransactionFilter,
} from "@/lib/core/transaction-filter/vocabulary";
import { Check, Fieldset, Labelled, inputClass } from "./filter-fields";
import { periodChoices } from "./filter-form";

type SectionProps = { id: string; filter: TransactionFilter; invalid: ReadonlySet<string> };

export function BankFieldset({ id, filter }: SectionProps) {
  const t = useTranslations("filters");
  const tAll = useTranslations();
  const otherBanks = filter.bank.filter((b) => !(knownBanks as readonly string[]).includes(b));
  return (
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
      <Labelled htmlFor={`${id}-bank-other`} label={t("bankOther")}>
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
      </Labelled>
    </Fieldset>
  );
}

export function DatesFieldset(props: SectionProps) {
  const { id, filter } = props;
  const t = useTranslations("filters");
  const [period, setPeriod] = useState<string>(
    filter.period ?? (filter.from || filter.to ? "custom" : "any"),
  );
  return (
    <Fieldset legend={t("dates")}>
      <Labelled htmlFor={`${id}-on`} label={t("on")}>
        <select id={`${id}-on`} name="on" defaultValue={filter.on} className={inputClass}>
          {filterTimeFields.map((f) => (
            <option key={f} value={f}>
              {t(`onChoices.${f}`)}
            </option>
          ))}
        </select>
      </Labelled>
      <Labelled htmlFor={`${id}-period`} label={t("period")}>
        <select
          id={`${id}-period`}
          name="period"
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
      </Labelled>
      {period === "custom" ? (
        <div className="grid grid-cols-2 gap-3">
          <DayField {...props} name="from" />
          <DayField {...props} name="to" />
        </div>
      ) : null}
    </Fieldset>
  );
}

export function AmountFieldset(props: SectionProps) {
  const t = useTranslations("filters");
  return (
    <Fieldset legend={t("amount")}>
      <div className="grid grid-cols-2 gap-3">
        <AmountField {...props} name="min" />
        <AmountField {...props} name="max" />
      </div>
    </Fieldset>
  );
}

export function CreatorFieldset({
  id,
  filter,
  creators,
}: SectionProps & { creators: { id: string; name: string }[] }) {
  const t = useTranslations("filters");
  return (
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
  );
}

function DayField({ id, filter, invalid, name }: SectionProps & { name: "from" | "to" }) {
  const t = useTranslations("filters");
  return (
    <Labelled htmlFor={`${id}-${name}`} label={t(name)}>
      <DayInput
        id={`${id}-${name}`}
        name={name}
        defaultValue={filter[name]}
        aria-invalid={invalid.has(name) ? true : undefined}
        aria-describedby={invalid.has(name) ? `${id}-form-error` : undefined}
        className={inputClass}
      />
    </Labelled>
  );
}

function AmountField({ id, filter, invalid, name }: SectionProps & { name: "min" | "max" }) {
  const t = useTranslations("filters");
  return (
    <Labelled htmlFor={`${id}-${name}`} label={t(name)}>
      <input
        id={`${id}-${name}`}
        name={name}
        inputMode="numeric"
        defaultValue={filter[name] ?? ""}
        aria-invalid={invalid.has(name) ? true : undefined}
        aria-describedby={invalid.has(name) ? `${id}-form-error` : undefined}
        className={inputClass}
      />
    </Labelled>
  );
}
