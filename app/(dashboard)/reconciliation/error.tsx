"use client";

import { ErrorContent } from "@/components/errors/error-content";

/** The settlement view failed to load (the database, most likely): the navigation stays. */
export default function ReconciliationError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return <ErrorContent digest={error.digest} reset={reset} />;
}
