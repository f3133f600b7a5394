"use client";

import { ErrorContent } from "@/components/errors/error-content";

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main id="main">
      <ErrorContent digest={error.digest} reset={reset} />
    </main>
  );
}
