import "server-only";
import { and, desc, eq, gte } from "drizzle-orm";
import type { GatewayMode } from "@/lib/core/modes";
import { getDb } from "../client";
import { transactions } from "../schema";

/**
 * The channel's payments of one amount that one person made since `since` in a mode:
 * the candidates their new create may repeat (lib/payments/duplicate-create.ts
 * decides). A few rows at most.
 */
export async function listRecentCreates(options: {
  createdBy: string;
  mode: GatewayMode;
  channel: (typeof transactions.$inferSelect)["channel"];
  amount: string;
  since: Date;
}) {
  return getDb()
    .select({
      id: transactions.id,
      channel: transactions.channel,
      amount: transactions.amount,
      title: transactions.title,
      customerName: transactions.customerName,
      customerEmail: transactions.customerEmail,
      customerPhone: transactions.customerPhone,
      state: transactions.state,
      createdAt: transactions.createdAt,
      idempotencyKey: transactions.idempotencyKey,
    })
    .from(transactions)
    .where(
      and(
        eq(transactions.createdBy, options.createdBy),
        eq(transactions.mode, options.mode),
        eq(transactions.channel, options.channel),
        eq(transactions.amount, options.amount),
        gte(transactions.createdAt, options.since),
      ),
    )
    .orderBy(desc(transactions.createdAt))
    .limit(20);
}
