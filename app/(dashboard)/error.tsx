"use client";

import { ErrorContent } from "@/components/errors/error-content";

/** Inside the dashboard's frame: the navigation stays, so the person can go on. */
export default function DashboardError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return <ErrorContent digest={error.digest} reset={reset} />;
}
