/** A filter's days as instants, seen from a zone, and the file name an export takes from it. */
import { addDays, dayStart, monthStart, zonedDay, type Day, type TimeZone } from "@/lib/core/time";
import type { FilterPeriod, TransactionFilter } from "./vocabulary";

/** The inclusive days a period covers, seen from `now` in `zone`. */
export function periodDays(
  period: FilterPeriod,
  zone: TimeZone,
  now: Date = new Date(),
): { from: Day; to: Day } {
  const today = zonedDay(now, zone);
  switch (period) {
    case "today":
      return { from: today, to: today };
    case "yesterday":
      return { from: addDays(today, -1), to: addDays(today, -1) };
    case "7d":
      return { from: addDays(today, -6), to: today };
    case "30d":
      return { from: addDays(today, -29), to: today };
    case "month":
      return { from: monthStart(today), to: addDays(monthStart(today, 1), -1) };
    case "last_month":
      return { from: monthStart(today, -1), to: addDays(monthStart(today), -1) };
  }
}

/**
 * The filter's time window as instants: [start, end), either side open when absent. The
 * days are in the filter's own zone when it names one, else in `viewerZone`.
 */
export function resolveDateRange(
  filter: TransactionFilter,
  viewerZone: TimeZone,
  now: Date = new Date(),
): { start: Date | null; end: Date | null; from: Day | null; to: Day | null } {
  const zone = filter.zone ?? viewerZone;
  const days = filter.period
    ? periodDays(filter.period, zone, now)
    : { from: filter.from, to: filter.to };
  return {
    start: days.from ? dayStart(days.from, zone) : null,
    end: days.to ? dayStart(addDays(days.to, 1), zone) : null,
    from: days.from,
    to: days.to,
  };
}

/** A short name for files: "transactions_paid-settled_qris_2026-11-01_2026-11-30". */
export function filterFileStem(filter: TransactionFilter, zone: TimeZone, now = new Date()) {
  const parts = ["transactions"];
  for (const list of [filter.status, filter.channel, filter.bank, filter.flag, filter.refund]) {
    if (list.length) parts.push(list.join("-"));
  }
  const range = resolveDateRange(filter, zone, now);
  if (range.from || range.to) {
    const on = filter.on === "created" ? "" : `${filter.on}-`;
    parts.push(
      range.from === range.to ? `${on}${range.from}` : `${on}${range.from ?? ""}_${range.to ?? ""}`,
    );
  }
  if (filter.min || filter.max) parts.push(`rp${filter.min ?? "0"}-${filter.max ?? ""}`);
  if (filter.q) parts.push("search");
  if (filter.by) parts.push("by-user");
  parts.push(`exported-${zonedDay(now, zone)}`);
  return parts.join("_").replace(/[^A-Za-z0-9_.-]/g, "");
}
