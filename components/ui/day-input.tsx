"use client";

import { useState, type InputHTMLAttributes } from "react";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/format/use-format";
import { dayText, parseDayText } from "@/lib/core/day-text";

type DayInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "defaultValue" | "type"> & {
  name: string;
  /** "yyyy-mm-dd" (or what was typed before, shown as it was). */
  defaultValue?: string | null;
};

/**
 * A day typed as dd/mm/yyyy in any browser language (lib/core/day-text.ts). The form sends
 * the ISO day under `name` from a hidden field; what cannot be read is sent as typed,
 * so the server says what is wrong with it instead of dropping it.
 */
export function DayInput({ name, defaultValue, className = "", ...input }: DayInputProps) {
  const t = useTranslations("flows.dates");
  // The day is counted in the person's zone: say which, beside it.
  const zone = useFormat().zoneName;
  const [text, setText] = useState(() => dayText(defaultValue));
  const sent = text.trim() === "" ? "" : (parseDayText(text) ?? text);
  return (
    <span className="flex min-w-0 items-center gap-2">
      <input
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={t("dayPlaceholder")}
        pattern="\d{1,2}[\/.\-]\d{1,2}[\/.\-]\d{4}"
        title={t("dayFormat")}
        value={text}
        onChange={(event) => setText(event.target.value)}
        className={`min-w-0 flex-1 ${className}`}
        {...input}
      />
      <span className="shrink-0 text-xs text-slate-600">{zone}</span>
      <input type="hidden" name={name} value={sent} />
    </span>
  );
}

/** DayInput with its label, hint and error, laid out like Field. */
export function DayField({
  name,
  label,
  error,
  id = name,
  ...input
}: DayInputProps & { label: string; error?: string }) {
  const t = useTranslations("flows.dates");
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <div
        className={`flex rounded-md bg-white pr-3 shadow-xs ring-1 focus-within:ring-2 ${
          error
            ? "ring-rose-400 focus-within:ring-rose-500"
            : "ring-slate-300 focus-within:ring-brand-500"
        }`}
      >
        <DayInput
          id={id}
          name={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${hintId} ${errorId}`}
          className="min-h-11 rounded-md bg-transparent px-3 py-2 text-base outline-none placeholder:text-slate-500 sm:text-sm"
          {...input}
        />
      </div>
      <p id={hintId} className="text-xs text-slate-600">
        {t("dayFormat")}
      </p>
      <p id={errorId} className="text-xs font-medium text-rose-700">
        {error}
      </p>
    </div>
  );
}
