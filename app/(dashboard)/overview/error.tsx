"use client";

import { ErrorContent } from "@/components/errors/error-content";

/** The overview failed to load (the database, most likely): the navigation stays. */
export default function OverviewError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return <ErrorContent digest={error.digest} reset={reset} />;
}
