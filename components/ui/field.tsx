import type { InputHTMLAttributes, ReactNode } from "react";

type FieldProps = InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  prefix?: string;
};

/**
 * A labelled input whose error sits right under it, tied to it by aria-describedby:
 * after a failed submit the form moves focus to the first invalid field, which reads
 * its error out (see useFocusFirstInvalid).
 */
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
          <span className="flex items-center pl-3 text-sm text-slate-600">{prefix}</span>
        ) : null}
        <input
          id={id}
          name={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className="min-h-11 w-full min-w-0 rounded-md bg-transparent px-3 py-2 text-base outline-none placeholder:text-slate-500 sm:text-sm"
          {...input}
        />
      </div>
      {hint ? (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      <p id={errorId} className="text-xs font-medium text-rose-700">
        {error}
      </p>
    </div>
  );
}
