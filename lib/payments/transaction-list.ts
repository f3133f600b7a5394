import "server-only";
import {
  listCreators,
  listTransactionPage,
  transactionTotals,
  withSearchMode,
  type ListCursor,
} from "@/db/queries/transaction-list";
import type { ResolvedFilter } from "@/lib/core/transaction-filter/resolve";
import type { TransactionChannel, TransactionState } from "@/db/schema";
import type {
  SortDirection,
  SortField,
  TransactionFilter,
} from "@/lib/core/transaction-filter/vocabulary";
import type { TransactionListItem, TransactionListPage } from "./transaction-list-types";

export const defaultPageSize = 50;
export const maxPageSize = 200;

type CursorPayload = { s: SortField; d: SortDirection; k: string; i: string };

export function encodeCursor(filter: TransactionFilter, cursor: ListCursor): string {
  const payload: CursorPayload = { s: filter.sort, d: filter.dir, k: cursor.key, i: cursor.id };
  return Buffer.from(JSON.stringify(payload)).toString("base64url");
}

const isoMicros = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/**
 * Reads a cursor for this filter's sort; one it cannot read, or one made for another
 * sort, is null (the list starts from the top instead of failing).
 */
export function decodeCursor(
  text: string | null | undefined,
  filter: TransactionFilter,
): ListCursor | null {
  if (!text || text.length > 300) return null;
  try {
    const p = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as CursorPayload;
    if (p.s !== filter.sort || p.d !== filter.dir || typeof p.k !== "string") return null;
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(p.i)) return null;
    const keyOk =
      filter.sort === "amount"
        ? /^-?\d+(\.\d+)?$/.test(p.k)
        : isoMicros.test(p.k) || (filter.sort === "paid" && /^-?infinity$/.test(p.k));
    return keyOk ? { key: p.k, id: p.i } : null;
  } catch {
    return null;
  }
}

/** One page of a filter and the totals of the whole filtered set, as the browser polls it. */
export async function getTransactionListPage(
  filterFor: ResolvedFilter,
  options: { cursor?: string | null; limit?: number } = {},
): Promise<TransactionListPage> {
  const resolved = await withSearchMode(filterFor);
  const limit = Math.min(Math.max(options.limit ?? defaultPageSize, 1), maxPageSize);
  const [rows, totals] = await Promise.all([
    listTransactionPage(resolved, {
      cursor: decodeCursor(options.cursor, resolved.filter),
      limit: limit + 1,
    }),
    transactionTotals(resolved),
  ]);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const items: TransactionListItem[] = page.map((row) => ({
    id: row.id,
    mode: row.mode,
    channel: row.channel as TransactionChannel,
    bank: row.bank,
    paymentChannel: row.paymentChannel,
    title: row.title,
    externalId: row.externalId,
    customerName: row.customerName,
    amount: row.amount,
    fee: row.fee,
    total: row.total,
    rawStatus: row.rawStatus,
    state: row.state as TransactionState,
    flags: row.flags,
    paymentLinkUrl: row.paymentLinkUrl,
    createdAt: row.createdAt.toISOString(),
    paidAt: row.paidAt?.toISOString() ?? null,
    settledAt: row.settledAt?.toISOString() ?? null,
  }));
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor(resolved.filter, last.cursor) : null,
    totals,
  };
}

/** The people a list can be filtered by ("created by"): admins and operators. */
export async function getCreators(): Promise<{ id: string; name: string }[]> {
  return listCreators();
}
