import "server-only";
import { z } from "zod";
import { listTransactions, type TransactionCursor } from "@/db/queries/transactions";
import { transactionState } from "@/db/schema";
import type { GatewayMode } from "@/lib/purwantara/contract";
import type { TransactionListItem, TransactionListPage } from "./transaction-list-types";

export const transactionListQuerySchema = z.object({
  state: z.enum(transactionState.enumValues).optional().catch(undefined),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional().catch(undefined),
});
export type TransactionListQuery = z.infer<typeof transactionListQuerySchema>;

const defaultLimit = 50;

function encodeCursor(cursor: TransactionCursor): string {
  return Buffer.from(`${cursor.createdAt}|${cursor.id}`).toString("base64url");
}

function decodeCursor(text: string | undefined): TransactionCursor | null {
  if (!text) return null;
  const [createdAt, id] = Buffer.from(text, "base64url").toString("utf8").split("|");
  const valid = z.iso.datetime().safeParse(createdAt).success && z.uuid().safeParse(id).success;
  return valid && createdAt && id ? { createdAt, id } : null;
}

/** One page of the transactions table, in the JSON shape the browser polls. */
export async function getTransactionListPage(
  query: TransactionListQuery,
  mode: GatewayMode,
): Promise<TransactionListPage> {
  const limit = query.limit ?? defaultLimit;
  const rows = await listTransactions({
    limit: limit + 1,
    cursor: decodeCursor(query.cursor),
    state: query.state,
    mode,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const items: TransactionListItem[] = page.map((row) => ({
    id: row.id,
    mode: row.mode,
    channel: row.channel,
    title: row.title,
    externalId: row.externalId,
    amount: row.amount,
    rawStatus: row.rawStatus,
    state: row.state,
    paymentLinkUrl: row.paymentLinkUrl,
    createdAt: row.createdAt.toISOString(),
    paidAt: row.paidAt?.toISOString() ?? null,
  }));
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.cursor) : null };
}
