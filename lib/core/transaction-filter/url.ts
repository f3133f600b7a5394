/**
 * Writing a filter back: its URL params in one fixed order, the list's link, and the
 * questions asked of a filter (does it narrow, which states does it show).
 */
import { emptyFilter, filterStates, type FilterState, type TransactionFilter } from "./vocabulary";

/**
 * The filter as URL params, defaults left out, in one fixed order: equal filters give
 * equal strings (the export's audit entry and the poll's ETag rely on it).
 */
export function serializeTransactionFilter(filter: TransactionFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.status.length) params.set("status", filter.status.join(","));
  if (filter.includeNotCreated) params.set("include", "not_created");
  if (filter.channel.length) params.set("channel", filter.channel.join(","));
  if (filter.bank.length) params.set("bank", filter.bank.join(","));
  if (filter.on !== "created") params.set("on", filter.on);
  if (filter.period) params.set("period", filter.period);
  else {
    if (filter.from) params.set("from", filter.from);
    if (filter.to) params.set("to", filter.to);
  }
  if (filter.zone && (filter.period || filter.from || filter.to)) params.set("tz", filter.zone);
  if (filter.min) params.set("min", filter.min);
  if (filter.max) params.set("max", filter.max);
  if (filter.by) params.set("by", filter.by);
  if (filter.flag.length) params.set("flag", filter.flag.join(","));
  if (filter.refund.length) params.set("refund", filter.refund.join(","));
  if (filter.q) params.set("q", filter.q);
  if (filter.sort !== "created") params.set("sort", filter.sort);
  if (filter.dir !== "desc") params.set("dir", filter.dir);
  return params;
}

/**
 * A filter from only the parts that narrow it (the rest as the list's defaults): how
 * the overview and the reconciliation name the rows behind each of their numbers.
 */
export function listFilter(parts: Partial<TransactionFilter>): TransactionFilter {
  return { ...emptyFilter, ...parts };
}

/** The list's URL for a filter: `/transactions?…` in the canonical order, commas bare. */
export function transactionsListUrl(filter: TransactionFilter): string {
  const query = serializeTransactionFilter(filter)
    .toString()
    .replaceAll("%2C", ",")
    .replaceAll("%2F", "/");
  return query ? `/transactions?${query}` : "/transactions";
}

/** True when the filter narrows the rows (sorting does not count). */
export function isFiltered(filter: TransactionFilter): boolean {
  const unsorted = (f: TransactionFilter) => ({ ...f, sort: null, dir: null });
  return JSON.stringify(unsorted(filter)) !== JSON.stringify(unsorted(emptyFilter));
}

/** The states a filter shows: its own list, else every state but Not created (unless asked). */
export function effectiveStates(filter: TransactionFilter): FilterState[] | null {
  if (filter.status.length) return filter.status;
  if (filter.includeNotCreated) return null;
  return filterStates.filter((s) => s !== "failed_to_create");
}
