import type { TransactionChannel, TransactionState } from "@/db/schema";
import type { TransactionListTotals } from "@/lib/core/transaction-totals";

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

export type TransactionListPage = {
  items: TransactionListItem[];
  nextCursor: string | null;
  totals: TransactionListTotals;
};
