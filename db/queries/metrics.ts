import "server-only";
import { count, gt, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { emailOutbox, relayDeliveries, webhookDeliveries } from "../schema";

export type RecentDeliveries = { mode: string; outcome: string; count: number }[];

/**
 * Deliveries recorded per mode and outcome in the last `minutes` (the received_at
 * index): the per-mode view of callbacks, which the route cannot see (a delivery's
 * mode is decided inside the ingest). Rows without a mode are those no secret verified.
 */
export async function countRecentDeliveries(
  db: DbOrTx,
  minutes: number,
): Promise<RecentDeliveries> {
  const rows = await db
    .select({
      mode: webhookDeliveries.mode,
      outcome: webhookDeliveries.outcome,
      count: count(),
    })
    .from(webhookDeliveries)
    .where(gt(webhookDeliveries.receivedAt, sql`now() - make_interval(mins => ${minutes})`))
    .groupBy(webhookDeliveries.mode, webhookDeliveries.outcome);
  return rows.map((row) => ({ mode: row.mode ?? "none", outcome: row.outcome, count: row.count }));
}

/** One outbound queue's rows of one mode and state, with the oldest one's creation. */
export type OutboundQueueRow = {
  mode: string;
  state: string;
  count: number;
  oldestAt: Date | null;
};

/**
 * The email outbox and the relay's deliveries that still matter to an operator: those
 * waiting (pending, sending: the partial due indexes) and those given up in the last
 * day (the state indexes). Sent and delivered rows, which only grow, are not counted.
 */
export async function countOutboundQueues(
  db: DbOrTx,
): Promise<{ email: OutboundQueueRow[]; relay: OutboundQueueRow[] }> {
  const recentFailed = (state: SQL, createdAt: SQL) =>
    sql`(${state} in ('pending', 'sending') or (${state} = 'failed' and ${createdAt} > now() - interval '1 day'))`;
  const email = await db
    .select({
      state: emailOutbox.state,
      count: count(),
      oldestAt: sql<Date | null>`min(${emailOutbox.createdAt})`.mapWith((v) =>
        v ? new Date(v) : null,
      ),
    })
    .from(emailOutbox)
    .where(recentFailed(sql`${emailOutbox.state}`, sql`${emailOutbox.createdAt}`))
    .groupBy(emailOutbox.state);
  const relay = await db
    .select({
      mode: relayDeliveries.mode,
      state: relayDeliveries.state,
      count: count(),
      oldestAt: sql<Date | null>`min(${relayDeliveries.createdAt})`.mapWith((v) =>
        v ? new Date(v) : null,
      ),
    })
    .from(relayDeliveries)
    .where(recentFailed(sql`${relayDeliveries.state}`, sql`${relayDeliveries.createdAt}`))
    .groupBy(relayDeliveries.mode, relayDeliveries.state);
  return { email: email.map((r) => ({ ...r, mode: "all" })), relay };
}
