/**
 * The transactions list's filter: one shape, parsed from and written to the URL, so a
 * filtered view can be bookmarked, shared and reloaded, and so the overview and the
 * reconciliation link to exactly the rows behind a number. The SQL it becomes lives in
 * db/queries/transaction-filter.ts (`transactionFilterWhere`), and every total computed
 * from a filter, the overview's and the reconciliation's included, goes through
 * db/queries/transaction-totals.ts from it.
 *
 * URL contract (params may be added, never renamed):
 *   status=paid,settled          transaction_state values (default: every state but
 *                                failed_to_create, unless include=not_created)
 *   include=not_created
 *   channel=qris,virtual-account bank=BCA,BNI (bank or payment_channel the buyer used)
 *   on=created|paid|settled      which time the date range applies to (default created)
 *   period=today|yesterday|7d|30d|month|last_month  or  from=YYYY-MM-DD&to=YYYY-MM-DD
 *   tz=Asia/Makassar             the zone those days are in (default: the viewer's); the
 *                                reconciliation's links carry the business's zone
 *   min=10000&max=500000         rupiah
 *   by=<user uuid>               flag=needs_review,amount_mismatch,… (any of)
 *   refund=refunded,partly_refunded,refund_waiting,not_refunded (any of)
 *   q=<search text>              sort=created|paid|amount  dir=desc|asc  cursor=<opaque>
 *
 * Pure (no server imports): the browser's filter controls use it too.
 */
import { channels, type Channel } from "@/lib/core/channels";
import { bankCodes } from "@/lib/core/payment-names";
import { paymentStates, type PaymentState } from "@/lib/core/payment-states";
import { isTimeZone, timeZones, type TimeZone } from "@/lib/time";

// The states and channels are lib/core's tuples: the filter offers every one.
export const filterStates = paymentStates;
export type FilterState = PaymentState;

export const filterChannels = channels;
export type FilterChannel = Channel;

/** The flags a person filters by (the rest of lib/payments/flags.ts stay on the detail). */
export const filterFlags = [
  "needs_review",
  "amount_mismatch",
  "paid_after_expiry",
  "outside_dashboard",
  "paid_twice",
] as const;
export type FilterFlag = (typeof filterFlags)[number];

/**
 * Where a payment stands with refunds: all of it given back (approved refunds reach the
 * amount), part of it, a request waiting for its second person, or none asked for.
 */
export const refundFilters = [
  "refunded",
  "partly_refunded",
  "refund_waiting",
  "not_refunded",
] as const;
export type RefundFilter = (typeof refundFilters)[number];

export const filterPeriods = ["today", "yesterday", "7d", "30d", "month", "last_month"] as const;
export type FilterPeriod = (typeof filterPeriods)[number];

export const filterTimeFields = ["created", "paid", "settled"] as const;
export type FilterTimeField = (typeof filterTimeFields)[number];

export const sortFields = ["created", "paid", "amount"] as const;
export type SortField = (typeof sortFields)[number];
export type SortDirection = "desc" | "asc";

/** Banks and payment channels offered as choices; any other value typed in the URL works too. */
export const knownBanks = bankCodes;

export type TransactionFilter = {
  status: FilterState[];
  includeNotCreated: boolean;
  channel: FilterChannel[];
  bank: string[];
  on: FilterTimeField;
  period: FilterPeriod | null;
  /** Inclusive days, YYYY-MM-DD, in `zone`. Ignored while `period` is set. */
  from: string | null;
  to: string | null;
  /** The zone of the days and the period; null: the viewer's. */
  zone: TimeZone | null;
  /** Whole rupiah as digit strings. */
  min: string | null;
  max: string | null;
  by: string | null;
  flag: FilterFlag[];
  refund: RefundFilter[];
  q: string;
  sort: SortField;
  dir: SortDirection;
};

/** Field → catalogue key under `filters.errors`, for the parts of a URL that were dropped. */
export type FilterErrors = Partial<
  Record<
    "status" | "channel" | "period" | "from" | "to" | "min" | "max" | "by" | "flag" | "refund",
    string
  >
>;

export const emptyFilter: TransactionFilter = {
  status: [],
  includeNotCreated: false,
  channel: [],
  bank: [],
  on: "created",
  period: null,
  from: null,
  to: null,
  zone: null,
  min: null,
  max: null,
  by: null,
  flag: [],
  refund: [],
  q: "",
  sort: "created",
  dir: "desc",
};

export const maxSearchLength = 200;

type ParamSource =
  | URLSearchParams
  | Record<string, string | string[] | undefined>
  | { get(name: string): string | null };

function getParam(source: ParamSource, name: string): string | null {
  if (typeof (source as URLSearchParams).get === "function") {
    return (source as URLSearchParams).get(name);
  }
  const value = (source as Record<string, string | string[] | undefined>)[name];
  if (Array.isArray(value)) return value.join(",");
  return value ?? null;
}

function list(text: string | null): string[] {
  if (!text) return [];
  return [
    ...new Set(
      text
        .split(",")
        .map((p) => p.trim())
        .filter(Boolean),
    ),
  ];
}

function pick<T extends string>(
  values: string[],
  allowed: readonly T[],
): { ok: T[]; bad: boolean } {
  const ok = values.filter((v): v is T => (allowed as readonly string[]).includes(v));
  // Keep the vocabulary's order, so one filter has one URL.
  ok.sort((a, b) => allowed.indexOf(a) - allowed.indexOf(b));
  return { ok, bad: ok.length !== values.length };
}

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(text: string): boolean {
  return uuidPattern.test(text);
}

export function isDay(text: string): boolean {
  const m = dayPattern.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === text;
}

/** "150000", "150.000" or "Rp 150.000" → "150000"; null when not whole rupiah. */
function rupiah(text: string | null): string | null | undefined {
  if (text === null || text.trim() === "") return null;
  const clean = text.replace(/^\s*rp\.?\s*/i, "").replace(/\s+/g, "");
  if (/^\d{1,3}(\.\d{3})+$/.test(clean)) return BigInt(clean.replaceAll(".", "")).toString();
  if (/^\d{1,15}$/.test(clean)) return BigInt(clean).toString();
  return undefined;
}

/**
 * Reads a filter from URL params. What cannot be read is dropped (the list still
 * shows) and named in `errors`, so the controls can say which part was ignored.
 */
export function parseTransactionFilter(source: ParamSource): {
  filter: TransactionFilter;
  errors: FilterErrors;
} {
  const errors: FilterErrors = {};
  const status = pick(list(getParam(source, "status")), filterStates);
  if (status.bad) errors.status = "status";
  const channel = pick(list(getParam(source, "channel")), filterChannels);
  if (channel.bad) errors.channel = "channel";
  const flag = pick(list(getParam(source, "flag")), filterFlags);
  if (flag.bad) errors.flag = "flag";
  const refund = pick(list(getParam(source, "refund")), refundFilters);
  if (refund.bad) errors.refund = "refund";
  const bank = list(getParam(source, "bank"))
    .map((b) => b.slice(0, 40))
    .slice(0, 20);

  const onText = getParam(source, "on");
  const on = (filterTimeFields as readonly string[]).includes(onText ?? "")
    ? (onText as FilterTimeField)
    : "created";

  const periodText = getParam(source, "period");
  let period: FilterPeriod | null = null;
  if (periodText) {
    if ((filterPeriods as readonly string[]).includes(periodText)) {
      period = periodText as FilterPeriod;
    } else errors.period = "period";
  }
  let from = getParam(source, "from") || null;
  let to = getParam(source, "to") || null;
  if (from && !isDay(from)) {
    errors.from = "day";
    from = null;
  }
  if (to && !isDay(to)) {
    errors.to = "day";
    to = null;
  }
  if (from && to && from > to) {
    errors.to = "toBeforeFrom";
    to = null;
  }
  if (period) {
    from = null;
    to = null;
  }
  const zoneText = getParam(source, "tz");
  const zone = isTimeZone(zoneText) ? zoneText : null;

  let min = rupiah(getParam(source, "min"));
  if (min === undefined) {
    errors.min = "amount";
    min = null;
  }
  let max = rupiah(getParam(source, "max"));
  if (max === undefined) {
    errors.max = "amount";
    max = null;
  }
  if (min !== null && max !== null && BigInt(min) > BigInt(max)) {
    errors.max = "maxBelowMin";
    max = null;
  }

  let by = getParam(source, "by") || null;
  if (by && !isUuid(by)) {
    errors.by = "by";
    by = null;
  }

  const sortText = getParam(source, "sort");
  const sort = (sortFields as readonly string[]).includes(sortText ?? "")
    ? (sortText as SortField)
    : "created";
  const dir: SortDirection = getParam(source, "dir") === "asc" ? "asc" : "desc";
  const q = (getParam(source, "q") ?? "").trim().slice(0, maxSearchLength);
  const include = list(getParam(source, "include"));

  return {
    filter: {
      status: status.ok,
      includeNotCreated: include.includes("not_created"),
      channel: channel.ok,
      bank,
      on,
      period,
      from,
      to,
      zone,
      min,
      max,
      by: by ? by.toLowerCase() : null,
      flag: flag.ok,
      refund: refund.ok,
      q,
      sort,
      dir,
    },
    errors,
  };
}

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
  const { sort: _s, dir: _d, ...rest } = filter;
  const { sort: _es, dir: _ed, ...empty } = emptyFilter;
  void _s;
  void _d;
  void _es;
  void _ed;
  return JSON.stringify(rest) !== JSON.stringify(empty);
}

/** The states a filter shows: its own list, else every state but Not created (unless asked). */
export function effectiveStates(filter: TransactionFilter): FilterState[] | null {
  if (filter.status.length) return filter.status;
  if (filter.includeNotCreated) return null;
  return filterStates.filter((s) => s !== "failed_to_create");
}

const dayMs = 86_400_000;

function offsetMs(zone: TimeZone): number {
  return timeZones[zone].offsetMinutes * 60_000;
}

/** The day (YYYY-MM-DD) `date` falls on in `zone`. */
export function dayIn(date: Date, zone: TimeZone): string {
  return new Date(date.getTime() + offsetMs(zone)).toISOString().slice(0, 10);
}

/** Midnight starting `day` in `zone`. */
export function startOfDay(day: string, zone: TimeZone): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - offsetMs(zone));
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

function monthStart(day: string, deltaMonths: number): string {
  const [y, m] = day.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + deltaMonths, 1)).toISOString().slice(0, 10);
}

/** The inclusive days a period covers, seen from `now` in `zone`. */
export function periodDays(
  period: FilterPeriod,
  zone: TimeZone,
  now: Date = new Date(),
): { from: string; to: string } {
  const today = dayIn(now, zone);
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
      return { from: monthStart(today, 0), to: addDays(monthStart(today, 1), -1) };
    case "last_month":
      return { from: monthStart(today, -1), to: addDays(monthStart(today, 0), -1) };
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
): { start: Date | null; end: Date | null; from: string | null; to: string | null } {
  const zone = filter.zone ?? viewerZone;
  const days = filter.period
    ? periodDays(filter.period, zone, now)
    : { from: filter.from, to: filter.to };
  return {
    start: days.from ? startOfDay(days.from, zone) : null,
    end: days.to ? startOfDay(addDays(days.to, 1), zone) : null,
    from: days.from,
    to: days.to,
  };
}

/** A short name for files: "transactions_paid-settled_qris_2026-11-01_2026-11-30". */
export function filterFileStem(filter: TransactionFilter, zone: TimeZone, now = new Date()) {
  const parts = ["transactions"];
  if (filter.status.length) parts.push(filter.status.join("-"));
  if (filter.channel.length) parts.push(filter.channel.join("-"));
  if (filter.bank.length) parts.push(filter.bank.join("-"));
  if (filter.flag.length) parts.push(filter.flag.join("-"));
  if (filter.refund.length) parts.push(filter.refund.join("-"));
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
  parts.push(`exported-${dayIn(now, zone)}`);
  return parts.join("_").replace(/[^A-Za-z0-9_.-]/g, "");
}
