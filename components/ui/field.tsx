import type { InputHTMLAttributes, ReactNode } from "react";

type FieldProps = InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  prefix?: string;
};

/** A labelled input whose error is tied to it (aria-describedby) and announced. */
export function Field({ name, label, hint, error, prefix, id = name, ...input }: FieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy =
    [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <div
        className={`flex rounded-md bg-white shadow-xs ring-1 focus-within:ring-2 ${
          error
            ? "ring-rose-400 focus-within:ring-rose-500"
            : "ring-slate-300 focus-within:ring-brand-500"
        }`}
      >
        {prefix ? (
          <span className="flex items-center pl-3 text-sm text-slate-500">{prefix}</span>
        ) : null}
        <input
          id={id}
          name={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className="w-full rounded-md bg-transparent px-3 py-2 text-sm outline-none placeholder:text-slate-400"
          {...input}
        />
      </div>
      {hint ? (
        <p id={hintId} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <p id={errorId} aria-live="polite" className="text-xs font-medium text-rose-600">
        {error}
      </p>
    </div>
  );
}
