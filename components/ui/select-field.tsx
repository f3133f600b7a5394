import type { SelectHTMLAttributes } from "react";

type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> & {
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
  error?: string;
};

/** A labelled select, the sibling of Field: same size, same error wiring. */
export function SelectField({
  name,
  label,
  options,
  error,
  id = name,
  ...select
}: SelectFieldProps) {
  const errorId = `${id}-error`;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className={`min-h-11 w-full rounded-md bg-white px-3 text-base shadow-xs ring-1 outline-none focus:ring-2 sm:text-sm ${
          error ? "ring-rose-400 focus:ring-rose-500" : "ring-slate-300 focus:ring-brand-500"
        }`}
        {...select}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <p id={errorId} className="text-xs font-medium text-rose-700">
        {error}
      </p>
    </div>
  );
}
