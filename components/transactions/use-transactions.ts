"use client";

import useSWR from "swr";
import { jsonFetcher } from "@/lib/http/fetcher";
import type { TransactionListPage } from "@/lib/payments/transaction-list-types";

/** How often the table asks for changes; the route answers 304 when there are none. */
export const transactionsRefreshMs = 3000;

export function transactionsUrl(params: URLSearchParams | string = ""): string {
  const query = params.toString();
  return query ? `/api/transactions?${query}` : "/api/transactions";
}

/** Live transactions: polled while the tab is visible, paused while it is hidden. */
export function useTransactions(url: string, fallbackData?: TransactionListPage) {
  return useSWR<TransactionListPage>(url, jsonFetcher, {
    fallbackData,
    // The server rendered this data a moment ago: the first poll is soon enough.
    revalidateOnMount: false,
    refreshInterval: transactionsRefreshMs,
    refreshWhenHidden: false,
    revalidateOnFocus: true,
    keepPreviousData: true,
  });
}
