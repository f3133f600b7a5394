"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useLiveReport, type LiveNews } from "./live-activity";

export type Highlight = "new" | "changed";

/** How long a row that changed stays marked. */
export const highlightMs = 6000;

type Snapshot = { scope: string; items: Map<string, string> };

function snapshot<T extends { id: string }>(scope: string, items: readonly T[]): Snapshot {
  return { scope, items: new Map(items.map((item) => [item.id, JSON.stringify(item)])) };
}

/**
 * Watches a live list for rows that arrive or change between polls: marks them for a
 * few seconds and reports them (see LiveActivity). Call `observe` with every answer
 * the poll brings (SWR's onSuccess). `scope` names what is listed (the URL with its
 * filters and page); when it changes, the list is a new one, not news.
 */
export function useLiveChanges<T extends { id: string }>(
  initial: { scope: string; items: readonly T[] },
  describe: (item: T, previous: T | undefined) => LiveNews,
) {
  const report = useLiveReport();
  const seen = useRef<Snapshot>(snapshot(initial.scope, initial.items));
  const describeRef = useRef(describe);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());
  const [highlights, setHighlights] = useState<ReadonlyMap<string, Highlight>>(new Map());
  useEffect(() => {
    describeRef.current = describe;
  });
  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach(clearTimeout);
  }, []);

  const observe = useCallback(
    (scope: string, items: readonly T[]) => {
      const before = seen.current;
      const now = snapshot(scope, items);
      seen.current = now;
      if (before.scope !== scope) return;
      const marks = new Map<string, Highlight>();
      const news: LiveNews[] = [];
      for (const item of items) {
        const old = before.items.get(item.id);
        if (old === now.items.get(item.id)) continue;
        marks.set(item.id, old === undefined ? "new" : "changed");
        news.push(
          describeRef.current(item, old === undefined ? undefined : (JSON.parse(old) as T)),
        );
      }
      if (marks.size === 0) return;
      report(news);
      setHighlights((existing) => new Map([...existing, ...marks]));
      const timer = setTimeout(() => {
        timers.current.delete(timer);
        setHighlights((existing) => {
          const next = new Map(existing);
          for (const [id, mark] of marks) if (next.get(id) === mark) next.delete(id);
          return next;
        });
      }, highlightMs);
      timers.current.add(timer);
    },
    [report],
  );

  return { highlights, observe };
}
