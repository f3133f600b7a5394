"use client";

import { buttonClass } from "@/components/ui/button-class";

/** Any unexpected failure: a short message and a way on, never a stack trace. */
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main className="mx-auto max-w-md px-4 py-24 text-center">
      <h1 className="text-xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-sm text-slate-600">
        The page could not be shown. Nothing you entered was lost; try again in a moment.
      </p>
      {error.digest ? (
        <p className="mt-2 font-mono text-xs text-slate-400">Reference: {error.digest}</p>
      ) : null}
      <button type="button" onClick={reset} className={`${buttonClass()} mt-6`}>
        Try again
      </button>
    </main>
  );
}
