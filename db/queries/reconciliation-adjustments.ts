import "server-only";
import { and, desc, eq, gte, inArray } from "drizzle-orm";
import { getDb, type DbOrTx } from "../client";
import { reconciliationAdjustments, reconciliationDays, users } from "../schema";

export type AdjustmentReview = {
  id: string;
  dayId: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  note: string;
  reviewedByName: string;
  createdAt: Date;
};

/**
 * The reviews of the current mark of each day (made since it was last marked: a day
 * rejected and marked again starts afresh), newest first.
 */
export async function listAdjustmentReviews(
  dayIds: string[],
  db: DbOrTx = getDb(),
): Promise<AdjustmentReview[]> {
  if (dayIds.length === 0) return [];
  const a = reconciliationAdjustments;
  return db
    .select({
      id: a.id,
      dayId: a.dayId,
      before: a.before,
      after: a.after,
      note: a.note,
      reviewedByName: users.name,
      createdAt: a.createdAt,
    })
    .from(a)
    .innerJoin(reconciliationDays, eq(reconciliationDays.id, a.dayId))
    .innerJoin(users, eq(users.id, a.reviewedBy))
    .where(and(inArray(a.dayId, dayIds), gte(a.createdAt, reconciliationDays.markedAt)))
    .orderBy(desc(a.createdAt), desc(a.id));
}

/** The closing of a day, locked until the transaction ends (a review waits for a mark). */
export async function lockClosing(tx: DbOrTx, dayId: string): Promise<void> {
  await tx
    .select({ id: reconciliationDays.id })
    .from(reconciliationDays)
    .where(eq(reconciliationDays.id, dayId))
    .for("update");
}

export async function insertAdjustmentReview(
  tx: DbOrTx,
  input: {
    dayId: string;
    before: Record<string, unknown>;
    after: Record<string, unknown>;
    reviewedBy: string;
    note: string;
  },
): Promise<void> {
  await tx.insert(reconciliationAdjustments).values(input);
}
