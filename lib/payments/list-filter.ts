import type { TransactionChannel, TransactionState } from "@/db/schema";
import type { TransactionFlag } from "./flags";
import type { Day } from "./zoned-days";

/**
 * A set of transactions as the transactions list names it in its URL. The overview
 * and the reconciliation view describe every number they show with one of these:
 * the number is computed by `db/queries/list-filter.ts` from it and links to
 * `transactionsListUrl` of it, so both always mean the same rows.
 */
export type ListFilter = {
  status?: readonly TransactionState[];
  channel?: readonly TransactionChannel[];
  /** Matches `bank` or `payment_channel`. */
  bank?: string;
  /** Which time `from`/`to` apply to; created unless said. */
  on?: "created" | "paid" | "settled";
  /** Inclusive calendar days in the viewer's zone. */
  from?: Day;
  to?: Day;
  /** Any of these flags. */
  flag?: readonly TransactionFlag[];
};

/**
 * The /transactions URL for a filter, in the list's URL contract:
 * status, channel, bank, on, from, to, flag (comma lists where several).
 */
export function transactionsListUrl(filter: ListFilter): string {
  const params = new URLSearchParams();
  if (filter.status?.length) params.set("status", filter.status.join(","));
  if (filter.channel?.length) params.set("channel", filter.channel.join(","));
  if (filter.bank) params.set("bank", filter.bank);
  if ((filter.from || filter.to) && filter.on && filter.on !== "created")
    params.set("on", filter.on);
  if (filter.from) params.set("from", filter.from);
  if (filter.to) params.set("to", filter.to);
  if (filter.flag?.length) params.set("flag", filter.flag.join(","));
  const query = params.toString().replaceAll("%2C", ",");
  return query ? `/transactions?${query}` : "/transactions";
}
