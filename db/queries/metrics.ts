import "server-only";
import { count, gt, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { webhookDeliveries } from "../schema";

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
