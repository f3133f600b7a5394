"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { parseTransactionFilter } from "@/lib/core/transaction-filter/parse";
import { serializeTransactionFilter } from "@/lib/core/transaction-filter/url";
import { type TransactionFilter } from "@/lib/core/transaction-filter/vocabulary";

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
 */
export function useTransactionFilter() {
  const params = useSearchParams();
  const { filter, errors } = useMemo(() => parseTransactionFilter(params), [params]);
  const cursor = params.get("cursor");
  const navigate = useCallback(
    (next: TransactionFilter, options: { cursor?: string | null; replace?: boolean } = {}) => {
      const query = listQuery(next, options.cursor);
      const url = query ? `/transactions?${query}` : "/transactions";
      if (options.replace) window.history.replaceState(null, "", url);
      else window.history.pushState(null, "", url);
    },
    [],
  );
  return { filter, errors, cursor, navigate };
}
