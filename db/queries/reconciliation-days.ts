import "server-only";
import { and, desc, eq, gte, lte, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Day } from "@/lib/core/time";
import type { GatewayMode } from "@/lib/core/modes";
import type { TimeZone } from "@/lib/core/time";
import { getDb, type DbOrTx } from "../client";
import { readDb } from "../read-replica";
import { reconciliationDays, users, type ReconciliationDay } from "../schema";

export type ReconciliationDayView = ReconciliationDay & {
  markedByName: string;
  reviewedByName: string | null;
};

const reviewer = alias(users, "reviewer");

function selectDays(db: DbOrTx) {
  return db
    .select({
      day: reconciliationDays,
      markedByName: users.name,
      reviewedByName: reviewer.name,
    })
    .from(reconciliationDays)
    .innerJoin(users, eq(users.id, reconciliationDays.markedBy))
    .leftJoin(reviewer, eq(reviewer.id, reconciliationDays.reviewedBy));
}

type Joined = { day: ReconciliationDay; markedByName: string; reviewedByName: string | null };
const flatten = (r: Joined): ReconciliationDayView => ({
  ...r.day,
  markedByName: r.markedByName,
  reviewedByName: r.reviewedByName,
});

/** The closings of a mode's days from `from` to `to`, with who marked and reviewed them. */
export async function listReconciliationDays(
  mode: GatewayMode,
  from: Day,
  to: Day,
): Promise<ReconciliationDayView[]> {
  const found = await selectDays(readDb())
    .where(
      and(
        eq(reconciliationDays.mode, mode),
        gte(reconciliationDays.day, from),
        lte(reconciliationDays.day, to),
      ),
    )
    .orderBy(desc(reconciliationDays.day));
  return found.map(flatten);
}

export async function getReconciliationDay(
  mode: GatewayMode,
  day: Day,
  db: DbOrTx = getDb(),
): Promise<ReconciliationDayView | null> {
  const [found] = await selectDays(db).where(
    and(eq(reconciliationDays.mode, mode), eq(reconciliationDays.day, day)),
  );
  return found ? flatten(found) : null;
}

export type MarkInput = {
  mode: GatewayMode;
  day: Day;
  timeZone: TimeZone;
  markedBy: string;
  note: string;
  figures: Record<string, unknown>;
};

/**
 * The maker's step: the day becomes awaiting approval. A day never marked gets a row;
 * a rejected one is marked again. Null when the day is already awaiting or closed
 * (including a concurrent mark that won).
 */
export async function markReconciliationDay(
  tx: DbOrTx,
  input: MarkInput,
): Promise<ReconciliationDay | null> {
  const values = {
    timeZone: input.timeZone,
    status: "awaiting_approval" as const,
    markedBy: input.markedBy,
    markedAt: new Date(),
    markNote: input.note,
    figures: input.figures,
    reviewedBy: null,
    reviewedAt: null,
    reviewNote: null,
  };
  const [inserted] = await tx
    .insert(reconciliationDays)
    .values({ mode: input.mode, day: input.day, ...values })
    .onConflictDoNothing()
    .returning();
  if (inserted) return inserted;
  const [again] = await tx
    .update(reconciliationDays)
    .set({ ...values, updatedAt: new Date() })
    .where(
      and(
        eq(reconciliationDays.mode, input.mode),
        eq(reconciliationDays.day, input.day),
        eq(reconciliationDays.status, "rejected"),
      ),
    )
    .returning();
  return again ?? null;
}

/**
 * The checker's step, race-safe: only a day still awaiting approval, and only by
 * someone other than its maker, moves; of two concurrent decisions one wins.
 * Null when nothing moved.
 */
export async function decideReconciliationDay(
  tx: DbOrTx,
  input: {
    mode: GatewayMode;
    day: Day;
    reviewerId: string;
    decision: "approved" | "rejected";
    note: string | null;
  },
): Promise<ReconciliationDay | null> {
  const [row] = await tx
    .update(reconciliationDays)
    .set({
      status: input.decision,
      reviewedBy: input.reviewerId,
      reviewedAt: sql`now()`,
      reviewNote: input.note,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(reconciliationDays.mode, input.mode),
        eq(reconciliationDays.day, input.day),
        eq(reconciliationDays.status, "awaiting_approval"),
        ne(reconciliationDays.markedBy, input.reviewerId),
      ),
    )
    .returning();
  return row ?? null;
}
