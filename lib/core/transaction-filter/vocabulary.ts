/**
 * The transactions list's filter: one shape, parsed from and written to the URL, so a
 * filtered view can be bookmarked, shared and reloaded, and so the overview and the
 * reconciliation link to exactly the rows behind a number. The SQL it becomes lives in
 * db/queries/transaction-filter.ts (`transactionFilterWhere`), and every total computed
 * from a filter, the overview's and the reconciliation's included, goes through
 * db/queries/transaction-totals.ts from it.
 *
 * This module holds the vocabulary and the shape; `parse.ts` reads it from a URL (a zod
 * schema, the same for the page, the JSON route and the filter panel), `url.ts` writes it
 * back, `range.ts` turns its days into instants.
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
import type { TimeZone } from "@/lib/core/time";

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
  "maybe_paid_twice",
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
