import { expect } from "vitest";
import { getDb } from "@/db/client";
import { totalsQuery, type TransactionTotals } from "@/db/queries/transaction-totals";
import { addDecimals, decimalPattern } from "@/lib/core/money";
import { parseTransactionFilter } from "@/lib/core/transaction-filter/parse";
import { getTransactionListPage } from "@/lib/payments/transaction-list";
import { resolveFilter } from "@/lib/core/transaction-filter/resolve";
import type { GatewayMode } from "@purwantara/contract";
import type { TimeZone } from "@/lib/core/time";

/** A decimal string in one spelling ("11000.0000" and "11000" are the same amount). */
export function exact(amount: string): string {
  return addDecimals(amount);
}

/**
 * A totals row with every amount in one spelling: a summary table's sum of stored
 * zeros reads "0.0000" where the rows' sum of no fee reads "0", the same amount.
 */
export function sameSpelling<T extends Record<string, unknown>>(row: T): T {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [
      key,
      typeof value === "string" && decimalPattern.test(value) ? exact(value) : value,
    ]),
  ) as T;
}

/**
 * What the transactions list shows at `href` for a viewer in `mode` and `zone` at
 * `now`: the totals line of the list's own API call, which must equal the totals
 * counted from the rows (`transactionFilterWhere`, no summary table).
 */
export async function listTotalsAt(
  href: string,
  mode: GatewayMode,
  zone: TimeZone,
  now: Date,
): Promise<TransactionTotals> {
  const url = new URL(href, "http://dashboard.test");
  expect(url.pathname).toBe("/transactions");
  const { filter, errors } = parseTransactionFilter(url.searchParams);
  expect(errors, href).toEqual({});
  const resolved = resolveFilter(filter, mode, zone, now);
  const { totals } = await getTransactionListPage(resolved, { limit: 1 });
  const [fromRows] = (await getDb().execute<TransactionTotals>(totalsQuery(resolved, {}, "rows")))
    .rows;
  expect(sameSpelling(totals), `${href}: the list's totals line equals the rows' totals`).toEqual(
    sameSpelling(fromRows!),
  );
  return totals;
}
