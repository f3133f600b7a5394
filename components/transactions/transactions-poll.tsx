"use client";

import { useTranslations } from "next-intl";
import { useCallback, useLayoutEffect } from "react";
import { useFormat } from "@/components/format/use-format";
import { useLiveChanges, type Highlight } from "@/components/live/use-live-changes";
import { FetchError } from "@/lib/http/fetcher";
import type { TransactionListPage } from "@/lib/payments/transaction-list-types";
import { useTransactions } from "./use-transactions";

/** What the list's poll knows: the last answer (kept while a new filter loads), its state. */
export type PollState = {
  data: TransactionListPage | undefined;
  /** Why the last poll failed, if it did: the session ended, or the server is out of reach. */
  failure: "session-ended" | "unreachable" | null;
  isValidating: boolean;
  /** Rows that arrived or changed since the previous answer, marked for a few seconds. */
  highlights: ReadonlyMap<string, Highlight>;
};

/**
 * The live list's poll (SWR) and its news (arrivals and changes, announced and marked),
 * as a component the list loads after its first paint: the server already rendered the
 * rows, and the first poll is due only after an interval, so none of this need be in
 * the JavaScript the page waits for. Renders nothing; hands each state to the list
 * before the browser paints it (a layout effect), so rows and "updating" never disagree.
 */
export function TransactionsPoll({
  url,
  initial,
  fallbackData,
  onData,
  onState,
}: {
  url: string;
  /** What the server rendered: the news are counted from it. */
  initial: { url: string; page: TransactionListPage };
  fallbackData: TransactionListPage | undefined;
  onData: (page: TransactionListPage, url: string) => void;
  onState: (state: PollState) => void;
}) {
  const tLive = useTranslations("live");
  const tStatus = useTranslations("status");
  const tCommon = useTranslations("common");
  const format = useFormat();
  const live = useLiveChanges(
    { scope: initial.url, items: initial.page.items },
    (item, previous) => {
      const title = item.title ?? tCommon("untitled");
      const status = tStatus(item.state);
      const amount = format.money(item.amount);
      const becamePaid = item.state === "paid" && previous?.state !== "paid";
      return {
        announcement: previous
          ? tLive("changed", { title, status })
          : tLive("arrived", { title, amount, status }),
        paid: becamePaid ? tLive("paidToast", { amount, title }) : undefined,
      };
    },
  );
  const { observe, highlights } = live;
  const onSuccess = useCallback(
    (page: TransactionListPage, key: string) => {
      observe(key, page.items);
      onData(page, key);
    },
    [observe, onData],
  );
  const { data, error, isValidating } = useTransactions(url, fallbackData, onSuccess);
  const failure = !error
    ? null
    : error instanceof FetchError && error.status === 401
      ? "session-ended"
      : "unreachable";
  useLayoutEffect(() => {
    onState({ data, failure, isValidating, highlights });
  }, [data, failure, isValidating, highlights, onState]);
  return null;
}
