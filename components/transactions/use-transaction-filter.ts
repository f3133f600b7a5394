"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import type { parseTransactionFilter } from "@/lib/core/transaction-filter/parse";
import { serializeTransactionFilter } from "@/lib/core/transaction-filter/url";
import { type TransactionFilter } from "@/lib/core/transaction-filter/vocabulary";

/** A filter as read from the URL, with what was dropped (parseTransactionFilter). */
export type ReadFilter = ReturnType<typeof parseTransactionFilter>;

/** The list's query string for a filter and an optional cursor. */
export function listQuery(filter: TransactionFilter, cursor?: string | null): string {
  const params = serializeTransactionFilter(filter);
  if (cursor) params.set("cursor", cursor);
  return params.toString();
}

/** The JSON route the live list polls for a query string (the one SWR fetches). */
export function transactionsUrl(query = ""): string {
  return query ? `/api/transactions?${query}` : "/api/transactions";
}

/**
 * The filter lives in the URL: read from it, written to it. Writing uses the History API
 * (Next.js keeps useSearchParams in step), so a change fetches only the list's JSON,
 * the back button steps through earlier filters, and a reload shows the same view.
 * The URL's reader (a zod schema) loads after the first paint: until then the list
 * shows `initial`, the server's reading of the URL it rendered, or the filter last
 * written (the only way the URL changes in those few milliseconds but Back).
 */
export function useTransactionFilter(initial: ReadFilter) {
  const params = useSearchParams();
  const [parse, setParse] = useState<typeof parseTransactionFilter | null>(null);
  const [written, setWritten] = useState<ReadFilter>(initial);
  useEffect(() => {
    let live = true;
    void import("@/lib/core/transaction-filter/parse").then((m) => {
      if (live) setParse(() => m.parseTransactionFilter);
    });
    return () => {
      live = false;
    };
  }, []);
  const { filter, errors } = useMemo(
    () => (parse ? parse(params) : written),
    [parse, params, written],
  );
  const cursor = params.get("cursor");
  const navigate = useCallback(
    (next: TransactionFilter, options: { cursor?: string | null; replace?: boolean } = {}) => {
      const query = listQuery(next, options.cursor);
      const url = query ? `/transactions?${query}` : "/transactions";
      setWritten({ filter: next, errors: {} });
      if (options.replace) window.history.replaceState(null, "", url);
      else window.history.pushState(null, "", url);
    },
    [],
  );
  return { filter, errors, cursor, navigate };
}
