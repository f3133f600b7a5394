"use client";

import useSWR from "swr";
import { jsonFetcher } from "@/lib/http/fetcher";
import type { TransactionListPage } from "@/lib/payments/transaction-list-types";

/**
 * How often a live list asks for changes; the route answers 304 when there are none.
 * While the tab is hidden it still asks, slowly, so the tab title can say a payment
 * arrived.
 */
export const liveRefreshMs = { visible: 2000, hidden: 30_000 } as const;

export function liveRefreshInterval(): number {
  return typeof document !== "undefined" && document.visibilityState === "hidden"
    ? liveRefreshMs.hidden
    : liveRefreshMs.visible;
}

/** Live transactions: polled every 2 s while visible, every 30 s while hidden. */
export function useTransactions(
  url: string,
  fallbackData: TransactionListPage | undefined,
  onData: (page: TransactionListPage, url: string) => void,
) {
  return useSWR<TransactionListPage>(url, jsonFetcher, {
    fallbackData,
    onSuccess: onData,
    // The server rendered this data a moment ago: the first poll is soon enough. A URL
    // the server did not render (a new filter) is fetched at once.
    revalidateOnMount: fallbackData === undefined,
    refreshInterval: liveRefreshInterval,
    refreshWhenHidden: true,
    revalidateOnFocus: true,
    keepPreviousData: true,
  });
}
