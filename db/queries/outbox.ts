import "server-only";
import { and, desc, eq, inArray, lt, or, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "../client";
import { emailOutbox, type EmailOutboxRow, type NewEmailOutboxRow } from "../schema";

/**
 * Adds an email to the outbox in the caller's transaction. The same event and
 * recipient (dedupe key + lower(recipient)) is one row: a second request returns the
 * first row's id with `created: false`.
 */
export async function insertOutboxRow(
  tx: DbOrTx,
  values: NewEmailOutboxRow,
): Promise<{ id: string; created: boolean }> {
  const [row] = await tx
    .insert(emailOutbox)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: emailOutbox.id });
  if (row) return { id: row.id, created: true };
  const [existing] = await tx
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(
      and(
        eq(emailOutbox.dedupeKey, values.dedupeKey),
        sql`lower(${emailOutbox.recipient}) = lower(${values.recipient})`,
      ),
    );
  return { id: existing!.id, created: false };
}

/**
 * Takes a row for one try, atomically: only a pending row that is due, or one whose
 * previous holder's lease ran out, is taken (and its try counted). Null: another
 * runner has it, it is sent or failed, or it is not due yet.
 */
export async function claimOutboxRow(
  id: string,
  leaseSeconds: number,
): Promise<EmailOutboxRow | null> {
  const [row] = await getDb()
    .update(emailOutbox)
    .set({
      state: "sending",
      tries: sql`${emailOutbox.tries} + 1`,
      leaseUntil: sql`now() + make_interval(secs => ${leaseSeconds})`,
    })
    .where(
      and(
        eq(emailOutbox.id, id),
        or(
          and(eq(emailOutbox.state, "pending"), sql`${emailOutbox.nextAttemptAt} <= now()`),
          and(eq(emailOutbox.state, "sending"), sql`${emailOutbox.leaseUntil} < now()`),
        ),
      ),
    )
    .returning();
  return row ?? null;
}

/** The try of a claimed row ended: sent, to be tried again at `retryAt`, or failed for good. */
export async function finishOutboxTry(
  id: string,
  result:
    | { state: "sent"; messageId: string }
    | { state: "pending"; error: string; retryInSeconds: number }
    | { state: "failed"; error: string },
): Promise<void> {
  await getDb()
    .update(emailOutbox)
    .set(
      result.state === "sent"
        ? {
            state: "sent",
            sentAt: sql`now()`,
            messageId: result.messageId,
            leaseUntil: null,
            lastError: null,
          }
        : result.state === "pending"
          ? {
              state: "pending",
              lastError: result.error,
              leaseUntil: null,
              nextAttemptAt: sql`now() + make_interval(secs => ${result.retryInSeconds})`,
            }
          : { state: "failed", lastError: result.error, leaseUntil: null },
    )
    .where(and(eq(emailOutbox.id, id), eq(emailOutbox.state, "sending")));
}

/** Rows whose job seems lost: pending and overdue by `graceSeconds`, or sending past the lease. */
export async function listOverdueOutboxIds(graceSeconds: number, limit: number): Promise<string[]> {
  const rows = await getDb()
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(
      or(
        and(
          eq(emailOutbox.state, "pending"),
          sql`${emailOutbox.nextAttemptAt} < now() - make_interval(secs => ${graceSeconds})`,
        ),
        and(eq(emailOutbox.state, "sending"), lt(emailOutbox.leaseUntil, sql`now()`)),
      ),
    )
    .orderBy(emailOutbox.nextAttemptAt)
    .limit(limit);
  return rows.map((r) => r.id);
}

export type OutboxListRow = Pick<
  EmailOutboxRow,
  | "id"
  | "recipient"
  | "template"
  | "locale"
  | "state"
  | "tries"
  | "lastError"
  | "createdAt"
  | "sentAt"
  | "nextAttemptAt"
>;

/** The newest emails first, `limit` from `offset`, optionally in some states only. */
export async function listOutbox(options: {
  limit: number;
  offset?: number;
  states?: EmailOutboxRow["state"][];
}) {
  return getDb()
    .select({
      id: emailOutbox.id,
      recipient: emailOutbox.recipient,
      template: emailOutbox.template,
      locale: emailOutbox.locale,
      state: emailOutbox.state,
      tries: emailOutbox.tries,
      lastError: emailOutbox.lastError,
      createdAt: emailOutbox.createdAt,
      sentAt: emailOutbox.sentAt,
      nextAttemptAt: emailOutbox.nextAttemptAt,
    })
    .from(emailOutbox)
    .where(options.states?.length ? inArray(emailOutbox.state, options.states) : undefined)
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
    .limit(options.limit)
    .offset(options.offset ?? 0);
}

export async function getOutboxRow(tx: DbOrTx, id: string): Promise<EmailOutboxRow | null> {
  const [row] = await tx.select().from(emailOutbox).where(eq(emailOutbox.id, id));
  return row ?? null;
}
