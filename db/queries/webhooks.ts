import "server-only";
import { and, asc, desc, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import type { GatewayMode } from "@/lib/core/modes";
import { getQuickDb, type DbOrTx } from "../client";
import {
  transactionEvents,
  transactions,
  webhookDeliveries,
  type DeliveryOutcome,
  type NewTransaction,
  type NewTransactionEvent,
  type NewWebhookDelivery,
  type Transaction,
} from "../schema";

/**
 * Outcomes after which a delivery id counts as handled within its mode: a retry of it
 * is not applied again. The unique index `webhook_deliveries_handled_key` (mode,
 * delivery_id) over these outcomes (replays excluded) makes it hold across processes.
 */
export const handledOutcomes: DeliveryOutcome[] = ["applied", "stale", "unmatched", "needs_review"];

/**
 * Serialises every apply that could touch the same rows: the delivery id, the
 * payment's uuid and its bill, each within the mode, always taken in that order (so
 * two applies never wait on each other in a cycle), held to the end of `tx`.
 */
export async function lockCallbackKeys(
  tx: DbOrTx,
  ref: {
    mode: GatewayMode;
    deliveryId: string | null;
    purwantaraUuid: string;
    externalId: string | null;
  },
): Promise<void> {
  const keys = [
    ref.deliveryId ? `ppn-delivery:${ref.mode}:${ref.deliveryId}` : null,
    `ppn-uuid:${ref.mode}:${ref.purwantaraUuid}`,
    ref.externalId ? `ppn-bill:${ref.mode}:${ref.externalId}` : null,
  ].filter((k): k is string => k !== null);
  // One round trip; a select list is evaluated left to right, so the order holds.
  const locks = keys.map((key) => sql`pg_advisory_xact_lock(hashtext(${key}))`);
  await tx.execute(sql`select ${sql.join(locks, sql`, `)}`);
}

/** The first handled delivery with this id in this mode, and whether its raw body equals `rawBody`. */
export async function findHandledDelivery(
  tx: DbOrTx,
  delivery: { deliveryId: string; mode: GatewayMode },
  rawBody: Buffer,
): Promise<{ id: string; sameBody: boolean } | null> {
  const [row] = await tx
    .select({
      id: webhookDeliveries.id,
      sameBody: sql<boolean>`${webhookDeliveries.rawBody} = ${rawBody}::bytea`,
    })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.deliveryId, delivery.deliveryId),
        eq(webhookDeliveries.mode, delivery.mode),
        inArray(webhookDeliveries.outcome, handledOutcomes),
        isNull(webhookDeliveries.replayOf),
      ),
    )
    .orderBy(asc(webhookDeliveries.receivedAt))
    .limit(1);
  return row ?? null;
}

/** The rows a callback may touch, locked: see lib/webhooks/plan.ts for what each means. */
export type CallbackRows = {
  byUuid: Transaction | null;
  bill: Transaction | null;
  /** The bill's payments other than `byUuid` (its first row included). */
  others: Transaction[];
};

/** Locks and reads, within the mode, the row with this uuid, the bill's first row and its other payments. */
export async function lockCallbackRows(
  tx: DbOrTx,
  ref: { mode: GatewayMode; purwantaraUuid: string; externalId: string | null },
): Promise<CallbackRows> {
  const [byUuid = null] = await tx
    .select()
    .from(transactions)
    .where(
      and(eq(transactions.mode, ref.mode), eq(transactions.purwantaraUuid, ref.purwantaraUuid)),
    )
    .for("update");
  const billKey = byUuid?.billId ?? null;
  let bill: Transaction | null = null;
  if (billKey || ref.externalId) {
    const [row] = await tx
      .select()
      .from(transactions)
      .where(
        billKey
          ? eq(transactions.id, billKey)
          : and(
              eq(transactions.mode, ref.mode),
              eq(transactions.externalId, ref.externalId ?? ""),
              isNull(transactions.billId),
            ),
      )
      .for("update");
    bill = row ?? null;
  }
  if (!bill) return { byUuid, bill: null, others: [] };
  const others = await tx
    .select()
    .from(transactions)
    .where(
      and(
        or(eq(transactions.id, bill.id), eq(transactions.billId, bill.id)),
        byUuid ? ne(transactions.id, byUuid.id) : undefined,
      ),
    )
    .for("update");
  return { byUuid, bill, others };
}

/**
 * The buyer's phone of the payment a callback names, read before its rows are locked
 * (under the uuid and bill locks, which keep it from changing): its own row's, else its
 * bill's. Null when neither is stored or neither has a phone.
 */
export async function findBuyerPhone(
  tx: DbOrTx,
  ref: { mode: GatewayMode; purwantaraUuid: string; externalId: string | null },
): Promise<string | null> {
  const [row] = await tx
    .select({ phone: transactions.customerPhone })
    .from(transactions)
    .where(
      and(
        eq(transactions.mode, ref.mode),
        or(
          eq(transactions.purwantaraUuid, ref.purwantaraUuid),
          ref.externalId
            ? and(eq(transactions.externalId, ref.externalId), isNull(transactions.billId))
            : undefined,
        ),
      ),
    )
    .orderBy(desc(sql`${transactions.purwantaraUuid} = ${ref.purwantaraUuid}`))
    .limit(1);
  return row?.phone ?? null;
}

export async function insertDelivery(values: NewWebhookDelivery, tx: DbOrTx): Promise<string> {
  const [row] = await tx
    .insert(webhookDeliveries)
    .values(values)
    .returning({ id: webhookDeliveries.id });
  if (!row) throw new Error("insert returned no delivery");
  return row.id;
}

/** What one apply writes, decided beforehand (lib/webhooks/plan.ts); carried out as is. */
export type CallbackWrite = {
  delivery: NewWebhookDelivery;
  /** A transaction first seen in this callback, or changes to one we hold. */
  insert: NewTransaction | null;
  update: { id: string; changes: Partial<NewTransaction> } | null;
  /** Flags for other rows (a held delivery's row, the other payments of a bill paid twice). */
  flagRows: { id: string; flags: string[] }[];
  /** The timeline entry, for the inserted or updated row. */
  event: Omit<NewTransactionEvent, "transactionId" | "deliveryId" | "source"> | null;
};

/** What one apply wrote: its delivery row, and the payments as they now stand. */
export type CallbackWritten = {
  deliveryRowId: string;
  /** The inserted or updated transaction (null when the apply changed none). */
  row: Transaction | null;
  /** Other rows the apply flagged, as they now stand. */
  flagged: Transaction[];
};

/**
 * Carries out one apply's writes in `tx`: the new transaction first (the delivery row
 * names it), the delivery, then the row changes as late as possible (the row's write
 * holds the mode's change marker until commit).
 */
export async function writeCallback(tx: DbOrTx, w: CallbackWrite): Promise<CallbackWritten> {
  let transactionId = w.update?.id ?? w.delivery.transactionId ?? null;
  let row: Transaction | null = null;
  if (w.insert) {
    [row = null] = await tx.insert(transactions).values(w.insert).returning();
    if (!row) throw new Error("insert returned no transaction");
    transactionId = row.id;
  }
  const deliveryRowId = await insertDelivery({ ...w.delivery, transactionId }, tx);
  if (w.update) {
    [row = null] = await tx
      .update(transactions)
      .set({ ...w.update.changes, updatedAt: new Date() })
      .where(eq(transactions.id, w.update.id))
      .returning();
  }
  const flagged: Transaction[] = [];
  for (const { id, flags } of w.flagRows) {
    const changed = await flagTransaction(tx, id, flags);
    if (changed) flagged.push(changed);
  }
  if (w.event && transactionId) {
    await tx
      .insert(transactionEvents)
      .values({ ...w.event, transactionId, deliveryId: deliveryRowId, source: "webhook" });
  }
  return { deliveryRowId, row, flagged };
}

/**
 * Records a delivery that could not be applied for a reason of its own, held for a
 * person, and flags the transaction its uuid names in its mode (if any).
 */
export async function holdDelivery(
  tx: DbOrTx,
  values: NewWebhookDelivery,
  flags: readonly string[],
): Promise<string> {
  const id = await insertDelivery(values, tx);
  if (values.mode && values.purwantaraUuid) {
    await tx
      .update(transactions)
      .set({ flags: mergedFlags(flags), updatedAt: new Date() })
      .where(
        and(
          eq(transactions.mode, values.mode),
          eq(transactions.purwantaraUuid, values.purwantaraUuid),
        ),
      );
  }
  return id;
}

/** Adds `flags` to a transaction's flags (each once, sorted); the state is not touched. */
export async function flagTransaction(
  tx: DbOrTx,
  id: string,
  flags: readonly string[],
): Promise<Transaction | null> {
  if (flags.length === 0) return null;
  const [row] = await tx
    .update(transactions)
    .set({ flags: mergedFlags(flags), updatedAt: new Date() })
    .where(eq(transactions.id, id))
    .returning();
  return row ?? null;
}

function mergedFlags(flags: readonly string[]) {
  return sql<
    string[]
  >`(select coalesce(array_agg(distinct f order by f), '{}') from unnest(${transactions.flags} || ${sql.param([...flags])}::text[]) f)`;
}

/**
 * Records one delivery on its own, in one statement on the quick pool (its timeouts
 * bound it): a signed body that is not a callback, or a retry of bytes already in the
 * inbox. A copy already recorded as handled under this id is not recorded twice.
 */
export async function recordDelivery(values: NewWebhookDelivery): Promise<string | null> {
  const [row] = await getQuickDb()
    .insert(webhookDeliveries)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: webhookDeliveries.id });
  return row?.id ?? null;
}
