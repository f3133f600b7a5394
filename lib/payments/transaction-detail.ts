import "server-only";
import { z } from "zod";
import { getTransaction, listTransactionEvents } from "@/db/queries/transactions";
import type { Transaction, TransactionEvent } from "@/db/schema";
import type { GatewayMode } from "@/lib/purwantara/contract";

export type TransactionDetail = { transaction: Transaction; events: TransactionEvent[] };

/** One transaction with its timeline, or null for an unknown (or malformed) id. */
export async function getTransactionDetail(
  id: string,
  mode: GatewayMode,
): Promise<TransactionDetail | null> {
  if (!z.uuid().safeParse(id).success) return null;
  const transaction = await getTransaction(id, mode);
  if (!transaction) return null;
  return { transaction, events: await listTransactionEvents(id) };
}
