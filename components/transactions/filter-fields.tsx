"use client";

import type { ReactNode } from "react";

export const inputClass =
  "min-h-11 w-full rounded-md bg-white px-3 py-2 text-base shadow-xs ring-1 ring-slate-300 outline-none focus:ring-2 focus:ring-brand-500 sm:text-sm";

export function Fieldset({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="min-w-0 space-y-2">
      <legend className="mb-2 text-sm font-semibold text-slate-900">{legend}</legend>
      {children}
    </fieldset>
  );
}

export function Check({
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

/** A fieldset of checkboxes, one per value of a URL list param (status, channel, …). */
export function ChoiceFieldset<T extends string>({
  legend,
  name,
  values,
  chosen,
  label,
  children,
}: {
  legend: string;
  name: string;
  values: readonly T[];
  chosen: readonly T[];
  label: (value: T) => string;
  children?: ReactNode;
}) {
  return (
    <Fieldset legend={legend}>
      {values.map((value) => (
        <Check
          key={value}
          name={name}
          value={value}
          label={label(value)}
          checked={chosen.includes(value)}
        />
      ))}
      {children}
    </Fieldset>
  );
}

/** A label above its control, as every text field and select of the panel has. */
export function Labelled({
  htmlFor,
  label,
  children,
}: {
  htmlFor: string;
  label: string;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={htmlFor} className="block text-sm text-slate-800">
        {label}
      </label>
      {children}
    </div>
  );
}
