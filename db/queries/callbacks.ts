import "server-only";
import { and, desc, eq, inArray, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import type { GatewayMode } from "@/lib/core/modes";
import { getDb, transactionWithin, type DbOrTx, type TransactionLimits } from "../client";
import {
  transactions,
  webhookDeliveries,
  type DeliveryOutcome,
  type Transaction,
  type WebhookDelivery,
} from "../schema";

/** Which deliveries a person may see: their mode's, and (admins) unverified ones of no mode. */
export type DeliveryScope = { mode: GatewayMode; unverified: boolean };

/** Keyset position: received_at to the microsecond (as UTC text) and id. */
export type DeliveryCursor = { receivedAt: string; id: string };

const cursorKey = sql<string>`to_char(${webhookDeliveries.receivedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function inScope(scope: DeliveryScope): SQL | undefined {
  return scope.unverified
    ? or(eq(webhookDeliveries.mode, scope.mode), isNull(webhookDeliveries.mode))
    : eq(webhookDeliveries.mode, scope.mode);
}

export type DeliveryLogRow = Pick<
  WebhookDelivery,
  | "id"
  | "deliveryId"
  | "receivedAt"
  | "mode"
  | "transactionId"
  | "rawStatus"
  | "signatureValid"
  | "verifiedWith"
  | "outcome"
  | "reason"
  | "replayOf"
  | "resolution"
> & { transactionTitle: string | null; cursor: DeliveryCursor };

/** Newest first, keyset-paged on (received_at, id); raw bodies and headers stay behind. */
export async function listDeliveries(options: {
  scope: DeliveryScope;
  outcomes: DeliveryOutcome[];
  from: Date | null;
  /** Exclusive. */
  to: Date | null;
  cursor: DeliveryCursor | null;
  limit: number;
}): Promise<DeliveryLogRow[]> {
  const { scope, outcomes, from, to, cursor } = options;
  const d = webhookDeliveries;
  const rows = await getDb()
    .select({
      id: d.id,
      deliveryId: d.deliveryId,
      receivedAt: d.receivedAt,
      mode: d.mode,
      transactionId: d.transactionId,
      rawStatus: d.rawStatus,
      signatureValid: d.signatureValid,
      verifiedWith: d.verifiedWith,
      outcome: d.outcome,
      reason: d.reason,
      replayOf: d.replayOf,
      resolution: d.resolution,
      transactionTitle: transactions.title,
      cursorKey,
    })
    .from(d)
    // Same mode only: a delivery never names another mode's transaction to its reader.
    .leftJoin(
      transactions,
      and(eq(transactions.id, d.transactionId), eq(transactions.mode, d.mode)),
    )
    .where(
      and(
        inScope(scope),
        outcomes.length > 0 ? inArray(d.outcome, outcomes) : undefined,
        from ? sql`${d.receivedAt} >= ${from.toISOString()}::timestamptz` : undefined,
        to ? sql`${d.receivedAt} < ${to.toISOString()}::timestamptz` : undefined,
        cursor
          ? sql`(${d.receivedAt}, ${d.id}) < (${cursor.receivedAt}::timestamptz, ${cursor.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(d.receivedAt), desc(d.id))
    .limit(options.limit);
  return rows.map(({ cursorKey: key, ...row }) => ({
    ...row,
    cursor: { receivedAt: key, id: row.id },
  }));
}

export type DeliveryRelative = Pick<
  WebhookDelivery,
  "id" | "receivedAt" | "outcome" | "reason" | "resolution"
>;

export type DeliveryDetailRow = {
  delivery: WebhookDelivery;
  transaction: Pick<Transaction, "id" | "title" | "state" | "rawStatus" | "flags"> | null;
  /** Same delivery id, another row: a retry, or a conflicting body. */
  siblings: (DeliveryRelative & { sameBody: boolean })[];
  /** Rows written by replaying (or accepting) this one. */
  replays: DeliveryRelative[];
};

const relative = {
  id: webhookDeliveries.id,
  receivedAt: webhookDeliveries.receivedAt,
  outcome: webhookDeliveries.outcome,
  reason: webhookDeliveries.reason,
  resolution: webhookDeliveries.resolution,
};

/** One delivery with what relates to it, or null when it is not in the reader's scope. */
export async function getDeliveryDetail(
  id: string,
  scope: DeliveryScope,
): Promise<DeliveryDetailRow | null> {
  const db = getDb();
  const d = webhookDeliveries;
  const [delivery] = await db
    .select()
    .from(d)
    .where(and(eq(d.id, id), inScope(scope)));
  if (!delivery) return null;
  const [transaction] =
    delivery.transactionId && delivery.mode
      ? await db
          .select({
            id: transactions.id,
            title: transactions.title,
            state: transactions.state,
            rawStatus: transactions.rawStatus,
            flags: transactions.flags,
          })
          .from(transactions)
          .where(
            and(eq(transactions.id, delivery.transactionId), eq(transactions.mode, delivery.mode)),
          )
      : [];
  const siblings = delivery.deliveryId
    ? await db
        .select({ ...relative, sameBody: sql<boolean>`${d.rawBody} = ${delivery.rawBody}::bytea` })
        .from(d)
        // Other copies Purwantara sent under this id; a replay keeps the id but is listed below.
        .where(
          and(
            eq(d.deliveryId, delivery.deliveryId),
            ne(d.id, id),
            isNull(d.replayOf),
            inScope(scope),
          ),
        )
        .orderBy(d.receivedAt)
        .limit(50)
    : [];
  const replays = await db
    .select(relative)
    .from(d)
    .where(and(eq(d.replayOf, id), inScope(scope)))
    .orderBy(d.receivedAt)
    .limit(50);
  return { delivery, transaction: transaction ?? null, siblings, replays };
}

/** A replay or a resolution waits this long at most: a person is waiting, not Purwantara. */
const manageLimits: TransactionLimits = {
  deadlineMs: 8000,
  statementTimeoutMs: 5000,
  lockTimeoutMs: 3000,
};

/** Runs `fn` in one transaction for a person's replay or resolution. */
export async function withManageTransaction<T>(fn: (tx: DbOrTx) => Promise<T>): Promise<T> {
  return transactionWithin(manageLimits, fn);
}

/** A signed delivery of `mode`, locked so two people cannot replay or resolve it at once. */
export async function lockSignedDelivery(
  tx: DbOrTx,
  id: string,
  mode: GatewayMode,
): Promise<WebhookDelivery | null> {
  const [row] = await tx
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.id, id),
        eq(webhookDeliveries.mode, mode),
        eq(webhookDeliveries.signatureValid, true),
      ),
    )
    .for("update");
  return row ?? null;
}

export async function getDeliveryInTx(tx: DbOrTx, id: string): Promise<WebhookDelivery | null> {
  const [row] = await tx.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id));
  return row ?? null;
}

export async function getTransactionInTx(tx: DbOrTx, id: string): Promise<Transaction | null> {
  const [row] = await tx.select().from(transactions).where(eq(transactions.id, id));
  return row ?? null;
}

export async function setDeliveryResolution(
  tx: DbOrTx,
  id: string,
  values: { resolution: string; note: string | null; by: string },
): Promise<void> {
  await tx
    .update(webhookDeliveries)
    .set({
      resolution: values.resolution,
      resolutionNote: values.note,
      resolvedBy: values.by,
      resolvedAt: sql`now()`,
    })
    .where(eq(webhookDeliveries.id, id));
}

/** Deliveries that hold a transaction for a person: held, unresolved, not a replay's row. */
export const unresolvedHold = sql`${webhookDeliveries.outcome} in ('needs_review', 'conflict')
  and ${webhookDeliveries.resolution} is null and ${webhookDeliveries.replayOf} is null`;

/**
 * Takes the `needs_review` flag off a transaction when no unresolved delivery holds it
 * any more. Written last: the transactions write holds the change marker until commit.
 */
export async function clearNeedsReviewIfFree(tx: DbOrTx, transactionId: string): Promise<boolean> {
  const rows = await tx
    .update(transactions)
    .set({
      flags: sql`array_remove(${transactions.flags}, 'needs_review')`,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(transactions.id, transactionId),
        sql`'needs_review' = any(${transactions.flags})`,
        sql`not exists (select 1 from ${webhookDeliveries}
              where ${webhookDeliveries.transactionId} = ${transactionId} and ${unresolvedHold})`,
      ),
    )
    .returning({ id: transactions.id });
  return rows.length > 0;
}
