import "server-only";
import { and, eq, gt, inArray, isNull, lte, ne, sql } from "drizzle-orm";
import type { GatewayMode } from "@/lib/core/modes";
import { getDb, type DbOrTx } from "../client";
import {
  emailOutbox,
  noticeCursors,
  noticeDigestItems,
  noticePreferences,
  reconciliationDays,
  sessions,
  transactionEvents,
  transactions,
  users,
  webhookDeliveries,
  type NoticeDigestItem,
} from "../schema";

/** A person who may get notices: their saved choices (raw, read through lib/core's schema). */
export type NoticeRecipientRow = {
  id: string;
  email: string;
  name: string;
  role: (typeof users.$inferSelect)["role"];
  locale: (typeof users.$inferSelect)["locale"];
  timeZone: (typeof users.$inferSelect)["timeZone"];
  preferences: Record<string, unknown> | null;
};

const recipientColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  locale: users.locale,
  timeZone: users.timeZone,
  preferences: noticePreferences.preferences,
};

/** Every enabled person with their saved notice choices (null: never saved). */
export async function listNoticeRecipients(db: DbOrTx = getDb()): Promise<NoticeRecipientRow[]> {
  return db
    .select(recipientColumns)
    .from(users)
    .leftJoin(noticePreferences, eq(noticePreferences.userId, users.id))
    .where(isNull(users.disabledAt));
}

export async function getNoticeRecipient(
  userId: string,
  db: DbOrTx = getDb(),
): Promise<NoticeRecipientRow | null> {
  const [row] = await db
    .select(recipientColumns)
    .from(users)
    .leftJoin(noticePreferences, eq(noticePreferences.userId, users.id))
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  return row ?? null;
}

export async function saveNoticePreferences(
  tx: DbOrTx,
  userId: string,
  preferences: Record<string, unknown>,
): Promise<void> {
  await tx
    .insert(noticePreferences)
    .values({ userId, preferences })
    .onConflictDoUpdate({
      target: noticePreferences.userId,
      set: { preferences, updatedAt: sql`now()` },
    });
}

/**
 * Takes a scan's cursor for the rest of the transaction (a second runner waits here,
 * then reads on from where the first stopped). A new cursor starts `startBackSeconds`
 * ago. Returns what it says and the database's time now (the end of this stretch).
 */
export async function lockNoticeCursor(
  tx: DbOrTx,
  source: string,
  startBackSeconds: number,
): Promise<{ since: Date; until: Date }> {
  await tx
    .insert(noticeCursors)
    .values({
      source,
      scannedUntil: sql`now() - make_interval(secs => ${startBackSeconds})`,
    })
    .onConflictDoNothing();
  const [row] = await tx
    .select({ since: noticeCursors.scannedUntil, until: sql<Date>`now()`.mapWith(toDate) })
    .from(noticeCursors)
    .where(eq(noticeCursors.source, source))
    .for("update");
  return row!;
}

function toDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}

export async function advanceNoticeCursor(tx: DbOrTx, source: string, until: Date) {
  await tx
    .update(noticeCursors)
    .set({ scannedUntil: until })
    .where(eq(noticeCursors.source, source));
}

/** A payment's move to paid or expired, with what a notice and a receipt say of it. */
export type PaymentNoticeEvent = {
  transactionId: string;
  toState: "paid" | "expired";
  mode: GatewayMode;
  channel: (typeof transactions.$inferSelect)["channel"];
  bank: string | null;
  amount: string;
  title: string | null;
  externalId: string | null;
  customerEmail: string | null;
  emailReceipt: boolean;
  paidAt: Date | null;
  at: Date;
};

/** Paid and expired moves written in (since, until]. */
export async function listPaymentNoticeEvents(
  tx: DbOrTx,
  since: Date,
  until: Date,
): Promise<PaymentNoticeEvent[]> {
  const rows = await tx
    .select({
      transactionId: transactions.id,
      toState: transactionEvents.toState,
      mode: transactions.mode,
      channel: transactions.channel,
      bank: sql<string | null>`coalesce(${transactions.paymentChannel}, ${transactions.bank})`,
      amount: sql<string>`coalesce(${transactions.confirmedAmount}, ${transactions.amount})`,
      title: transactions.title,
      externalId: transactions.externalId,
      customerEmail: transactions.customerEmail,
      emailReceipt: transactions.emailReceipt,
      paidAt: transactions.paidAt,
      at: transactionEvents.createdAt,
    })
    .from(transactionEvents)
    .innerJoin(transactions, eq(transactions.id, transactionEvents.transactionId))
    .where(
      and(
        inArray(transactionEvents.toState, ["paid", "expired"]),
        gt(transactionEvents.createdAt, since),
        lte(transactionEvents.createdAt, until),
      ),
    )
    .orderBy(transactionEvents.createdAt);
  return rows.filter(
    (r): r is PaymentNoticeEvent => r.toState === "paid" || r.toState === "expired",
  );
}

/** Deliveries held for a person to decide, received in (since, until]. */
export async function listReviewDeliveries(tx: DbOrTx, since: Date, until: Date) {
  return tx
    .select({
      id: webhookDeliveries.id,
      mode: webhookDeliveries.mode,
      outcome: webhookDeliveries.outcome,
      receivedAt: webhookDeliveries.receivedAt,
    })
    .from(webhookDeliveries)
    .where(
      and(
        inArray(webhookDeliveries.outcome, ["needs_review", "conflict"]),
        isNull(webhookDeliveries.resolvedAt),
        gt(webhookDeliveries.receivedAt, since),
        lte(webhookDeliveries.receivedAt, until),
      ),
    );
}

/** Days marked reconciled in (since, until] and still waiting for their checker. */
export async function listDayClosesAwaiting(tx: DbOrTx, since: Date, until: Date) {
  return tx
    .select({
      id: reconciliationDays.id,
      mode: reconciliationDays.mode,
      day: reconciliationDays.day,
      markedBy: reconciliationDays.markedBy,
      markedAt: reconciliationDays.markedAt,
    })
    .from(reconciliationDays)
    .where(
      and(
        eq(reconciliationDays.status, "awaiting_approval"),
        gt(reconciliationDays.markedAt, since),
        lte(reconciliationDays.markedAt, until),
      ),
    );
}

export async function insertDigestItem(
  tx: DbOrTx,
  item: Pick<NoticeDigestItem, "userId" | "mode" | "kind" | "eventKey" | "data">,
): Promise<void> {
  await tx.insert(noticeDigestItems).values(item).onConflictDoNothing();
}

/**
 * Takes every waiting digest item (stamped in the caller's transaction, so a second
 * runner finds none of them), oldest first.
 */
export async function takeDigestItems(tx: DbOrTx): Promise<NoticeDigestItem[]> {
  return tx
    .update(noticeDigestItems)
    .set({ digestedAt: sql`now()` })
    .where(isNull(noticeDigestItems.digestedAt))
    .returning();
}

/**
 * The session's device (its short user-agent summary), and whether it is new: the
 * person has other sessions, none of them from this device.
 */
export async function sessionDevice(
  tx: DbOrTx,
  userId: string,
  sessionId: string,
): Promise<{ userAgent: string | null; isNew: boolean }> {
  const [own] = await tx
    .select({ userAgent: sessions.userAgent })
    .from(sessions)
    .where(eq(sessions.id, sessionId));
  const userAgent = own?.userAgent ?? null;
  const [row] = await tx
    .select({
      earlier: sql<number>`count(*)::int`,
      same: sql<number>`(count(*) filter (where ${sessions.userAgent} is not distinct from ${userAgent}::text))::int`,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.id, sessionId)));
  return { userAgent, isNew: (row?.earlier ?? 0) > 0 && (row?.same ?? 0) === 0 };
}

/** True when the outbox already holds this event's email for this recipient. */
export async function outboxHas(dedupeKey: string, recipient: string): Promise<boolean> {
  const [row] = await getDb()
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(
      and(
        eq(emailOutbox.dedupeKey, dedupeKey),
        sql`lower(${emailOutbox.recipient}) = lower(${recipient})`,
      ),
    );
  return Boolean(row);
}
