import "server-only";
import { and, desc, eq, ne, or, sql } from "drizzle-orm";
import type { GatewayMode } from "@/lib/core/modes";
import { getDb, type DbOrTx } from "../client";
import {
  transactionEvents,
  transactions,
  webhookDeliveries,
  type NewTransaction,
  type NewTransactionEvent,
  type Transaction,
  type TransactionState,
} from "../schema";

type GatewayModeValue = Transaction["mode"];

/**
 * Inserts a transaction in state `creating`, or returns the one an earlier submit
 * of the same form already made (same user, same idempotency key).
 */
export async function insertCreatingTransaction(
  values: Omit<NewTransaction, "state"> & { createdBy: string; idempotencyKey: string },
): Promise<{ transaction: Transaction; created: boolean }> {
  const db = getDb();
  const [inserted] = await db
    .insert(transactions)
    .values({ ...values, state: "creating" })
    .onConflictDoNothing({ target: [transactions.createdBy, transactions.idempotencyKey] })
    .returning();
  if (inserted) return { transaction: inserted, created: true };
  const [existing] = await db
    .select()
    .from(transactions)
    .where(
      and(
        eq(transactions.createdBy, values.createdBy),
        eq(transactions.idempotencyKey, values.idempotencyKey),
      ),
    );
  if (!existing) throw new Error("idempotency conflict without an existing row");
  return { transaction: existing, created: false };
}

async function lockTransaction(tx: DbOrTx, id: string): Promise<Transaction | null> {
  const [row] = await tx.select().from(transactions).where(eq(transactions.id, id)).for("update");
  return row ?? null;
}

/**
 * Finds a callback's transaction by Purwantara's uuid, else by our external_id, and
 * locks it; only among rows of the callback's mode, so test data never touches live.
 */
export async function lockTransactionByReference(
  tx: DbOrTx,
  ref: { purwantaraUuid: string; externalId: string | null; mode: GatewayMode },
): Promise<Transaction | null> {
  const match = ref.externalId
    ? or(
        eq(transactions.purwantaraUuid, ref.purwantaraUuid),
        eq(transactions.externalId, ref.externalId),
      )
    : eq(transactions.purwantaraUuid, ref.purwantaraUuid);
  const rows = await tx
    .select()
    .from(transactions)
    .where(and(match, eq(transactions.mode, ref.mode)))
    .for("update");
  // Prefer the uuid match: it is the gateway's own key.
  return rows.find((r) => r.purwantaraUuid === ref.purwantaraUuid) ?? rows[0] ?? null;
}

/** Inserts a transaction first seen in a callback; null if a concurrent insert won. */
export async function insertTransactionFromCallback(
  tx: DbOrTx,
  values: NewTransaction,
): Promise<Transaction | null> {
  const [row] = await tx.insert(transactions).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function updateTransaction(
  tx: DbOrTx,
  id: string,
  values: Partial<NewTransaction>,
): Promise<Transaction> {
  const [row] = await tx
    .update(transactions)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(transactions.id, id))
    .returning();
  if (!row) throw new Error(`transaction ${id} vanished during update`);
  return row;
}

/**
 * Folds a row that a callback created for `purwantaraUuid` (because it beat our
 * create answer and carried no external_id) into row `intoId`: its events and
 * deliveries move over, and it is deleted. Returns what it held, or null.
 */
export async function absorbStrayTransaction(
  tx: DbOrTx,
  intoId: string,
  purwantaraUuid: string,
): Promise<Transaction | null> {
  const [stray] = await tx
    .select()
    .from(transactions)
    .where(and(eq(transactions.purwantaraUuid, purwantaraUuid), ne(transactions.id, intoId)))
    .for("update");
  if (!stray) return null;
  await tx
    .update(transactionEvents)
    .set({ transactionId: intoId })
    .where(eq(transactionEvents.transactionId, stray.id));
  await tx
    .update(webhookDeliveries)
    .set({ transactionId: intoId })
    .where(eq(webhookDeliveries.transactionId, stray.id));
  await tx.delete(transactions).where(eq(transactions.id, stray.id));
  return stray;
}

export async function insertTransactionEvent(
  tx: DbOrTx,
  event: NewTransactionEvent,
): Promise<void> {
  await tx.insert(transactionEvents).values(event);
}

/** Runs `fn` with the transaction row locked, in one database transaction. */
export async function withLockedTransaction<T>(
  id: string,
  fn: (tx: DbOrTx, row: Transaction) => Promise<T>,
): Promise<T> {
  return getDb().transaction(async (tx) => {
    const row = await lockTransaction(tx, id);
    if (!row) throw new Error(`transaction ${id} not found`);
    return fn(tx, row);
  });
}

/** One transaction of one mode: a row of another mode (test vs live) is not found. */
export async function getTransaction(id: string, mode: GatewayMode): Promise<Transaction | null> {
  const [row] = await getDb()
    .select()
    .from(transactions)
    .where(and(eq(transactions.id, id), eq(transactions.mode, mode)));
  return row ?? null;
}

export async function listTransactionEvents(transactionId: string) {
  return getDb()
    .select()
    .from(transactionEvents)
    .where(eq(transactionEvents.transactionId, transactionId))
    .orderBy(transactionEvents.createdAt, transactionEvents.id);
}

export type TransactionRow = Pick<
  Transaction,
  | "id"
  | "mode"
  | "channel"
  | "title"
  | "externalId"
  | "amount"
  | "rawStatus"
  | "state"
  | "paymentLinkUrl"
  | "createdAt"
  | "paidAt"
  | "updatedAt"
>;

/** Keyset position: created_at to the microsecond (as UTC text) and id. */
export type TransactionCursor = { createdAt: string; id: string };

const cursorKey = sql<string>`to_char(${transactions.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Newest first, keyset-paged on (created_at, id) so deep pages stay fast. */
export async function listTransactions(options: {
  limit: number;
  cursor?: TransactionCursor | null;
  state?: TransactionState | null;
  /** Test (local, sandbox) and live rows are never listed together. */
  mode: GatewayModeValue;
}): Promise<(TransactionRow & { cursor: TransactionCursor })[]> {
  const { cursor, state, mode } = options;
  const rows = await getDb()
    .select({
      id: transactions.id,
      mode: transactions.mode,
      channel: transactions.channel,
      title: transactions.title,
      externalId: transactions.externalId,
      amount: transactions.amount,
      rawStatus: transactions.rawStatus,
      state: transactions.state,
      paymentLinkUrl: transactions.paymentLinkUrl,
      createdAt: transactions.createdAt,
      paidAt: transactions.paidAt,
      updatedAt: transactions.updatedAt,
      cursorKey,
    })
    .from(transactions)
    .where(
      and(
        eq(transactions.mode, mode),
        state ? eq(transactions.state, state) : undefined,
        cursor
          ? sql`(${transactions.createdAt}, ${transactions.id}) < (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(transactions.createdAt), desc(transactions.id))
    .limit(options.limit);
  return rows.map(({ cursorKey: key, ...row }) => ({
    ...row,
    cursor: { createdAt: key, id: row.id },
  }));
}
