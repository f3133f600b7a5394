import type { TransactionChannel, TransactionState } from "@/db/schema";

/** A transactions-table row as JSON: what the server renders first and the browser polls. */
export type TransactionListItem = {
  id: string;
  mode: "local" | "sandbox" | "production";
  channel: TransactionChannel;
  title: string | null;
  externalId: string | null;
  /** Exact decimal string, e.g. "10000.0000". */
  amount: string;
  rawStatus: string | null;
  state: TransactionState;
  paymentLinkUrl: string | null;
  createdAt: string;
  paidAt: string | null;
};

export type TransactionListPage = { items: TransactionListItem[]; nextCursor: string | null };
