import type { TransactionChannel, TransactionState } from "@/db/schema";

/** A transactions-table row as JSON: what the server renders first and the browser polls. */
export type TransactionListItem = {
  id: string;
  mode: "local" | "sandbox" | "production";
  channel: TransactionChannel;
  /** The bank of a VA, or null. */
  bank: string | null;
  /** The channel the buyer actually paid with, as the gateway named it. */
  paymentChannel: string | null;
  title: string | null;
  externalId: string | null;
  customerName: string | null;
  /** Exact decimal strings, e.g. "10000.0000". */
  amount: string;
  fee: string | null;
  total: string | null;
  rawStatus: string | null;
  state: TransactionState;
  flags: string[];
  paymentLinkUrl: string | null;
  createdAt: string;
  paidAt: string | null;
  settledAt: string | null;
};

/** Totals of the whole filtered set, not one page. Amounts are exact decimal strings. */
/** The sums of a filtered set (or of one group of it). */
export type SummedTotals = {
  count: number;
  /** Paid or settled: what buyers paid. */
  paidCount: number;
  paidAmount: string;
  /** The fees Purwantara has reported, of the paid payments whose fee is known. */
  fees: string;
  /**
   * Paid payments whose fee Purwantara has not reported yet (unknown, not zero): they
   * are in `paidAmount` but not in `fees` or `net`.
   */
  unknownFeeCount: number;
  /** Net over the known part: the amounts of the paid payments with a known fee − fees. */
  net: string;
  /** Awaiting payment or unconfirmed: what may still come in. */
  openCount: number;
  openAmount: string;
};

/** The list's totals line: the sums, and the money given back on the set's payments. */
export type TransactionListTotals = SummedTotals & {
  /** Payments of the set with approved refunds, and the sum of those refunds. */
  refundedCount: number;
  refunded: string;
};

export type TransactionListPage = {
  items: TransactionListItem[];
  nextCursor: string | null;
  totals: TransactionListTotals;
};
