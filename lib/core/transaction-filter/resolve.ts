/** A filter made concrete for one mode and zone: what db/queries turns into SQL. */
import type { GatewayMode } from "@/lib/core/modes";
import type { TimeZone } from "@/lib/core/time";
import { resolveDateRange } from "./range";
import type { TransactionFilter } from "./vocabulary";

export type ResolvedFilter = {
  filter: TransactionFilter;
  mode: GatewayMode;
  /** The date window as instants, [start, end). */
  start: Date | null;
  end: Date | null;
  /**
   * How `filter.q` searches: "exact" (ids, phone: equality on their indexes), "words"
   * (the trigram index), or both when unset. db/queries' `withSearchMode` picks: exact
   * when some row of the mode has that id, so a pasted id is answered from an index.
   */
  searchMode?: "exact" | "words" | "both";
};

export function resolveFilter(
  filter: TransactionFilter,
  mode: GatewayMode,
  zone: TimeZone,
  now: Date = new Date(),
): ResolvedFilter {
  const { start, end } = resolveDateRange(filter, zone, now);
  return { filter, mode, start, end };
}
