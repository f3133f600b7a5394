import "server-only";
import { getDb } from "@/db/client";
import {
  insertAdjustmentReview,
  listAdjustmentReviews,
  lockClosing,
  type AdjustmentReview,
} from "@/db/queries/reconciliation-adjustments";
import {
  getReconciliationDay,
  listReconciliationDays,
  type ReconciliationDayView,
} from "@/db/queries/reconciliation-days";
import { settlementByDayAndChannel } from "@/db/queries/settlement";
import { recordAudit } from "@/lib/audit/record";
import type { GatewayMode } from "@/lib/core/modes";
import type { TimeZone } from "@/lib/core/time";
import { figureChanges, type FigureChange } from "./closing-figures";
import { dayTotals, markedFigures, type DayTotals, type MarkedFigures } from "./reconciliation";
import { getBusinessZone } from "@/lib/settings/merchant";
import { addDays, zonedDay, type Day } from "@/lib/core/time";

/*
 * A closed day is a fact: its figures were kept when it was marked. A payment, a
 * settlement or a fee that lands in it afterwards moves its figures now; that is an
 * adjustment after close, shown beside the kept figures (never folded in silently)
 * until a finance user or an admin reviews it. A review keeps the figures it looked at,
 * and the day is flagged again only when they move past those.
 */

export type ClosingAdjustment = {
  day: Day;
  /** The figures the day was last known by: the mark's, or the last review's. */
  before: MarkedFigures;
  now: DayTotals;
  changes: FigureChange[];
};

const isClosed = (c: ReconciliationDayView) => c.status !== "rejected";

/** Each closing's current totals, in the zone it was closed in. */
async function currentTotals(mode: GatewayMode, closings: ReconciliationDayView[]) {
  const zones = [...new Set(closings.map((c) => c.timeZone))];
  const totals = new Map<string, DayTotals>();
  for (const zone of zones) {
    const days = closings
      .filter((c) => c.timeZone === zone)
      .map((c) => c.day)
      .sort();
    const cells = await settlementByDayAndChannel(days[0]!, days[days.length - 1]!, { mode, zone });
    for (const day of days)
      totals.set(`${zone}|${day}`, dayTotals(cells.filter((c) => c.day === day)));
  }
  return (c: ReconciliationDayView) => totals.get(`${c.timeZone}|${c.day}`) ?? dayTotals([]);
}

/** The figures a closing is known by: its last review's, else its mark's. */
function baseline(c: ReconciliationDayView, reviews: AdjustmentReview[]): MarkedFigures | null {
  const last = reviews.find((r) => r.dayId === c.id);
  return markedFigures(last ? last.after : c.figures);
}

/** The closed days (marked or approved) among `closings` whose figures moved since. */
export async function closingAdjustments(
  mode: GatewayMode,
  closings: ReconciliationDayView[],
): Promise<ClosingAdjustment[]> {
  const closed = closings.filter(isClosed);
  if (closed.length === 0) return [];
  const [totalsOf, reviews] = await Promise.all([
    currentTotals(mode, closed),
    listAdjustmentReviews(closed.map((c) => c.id)),
  ]);
  return closed.flatMap((c) => {
    const before = baseline(c, reviews);
    if (!before) return [];
    const now = totalsOf(c);
    const changes = figureChanges(before, now);
    return changes.length ? [{ day: c.day, before, now, changes }] : [];
  });
}

/** How far back the overview looks for closed days that moved (three months). */
const recentDays = 92;

/** The closed days of the last three months whose figures moved after close, newest first. */
export async function recentlyAdjustedDays(mode: GatewayMode, now = new Date()): Promise<Day[]> {
  const today = zonedDay(now, await getBusinessZone());
  const closings = await listReconciliationDays(mode, addDays(today, -recentDays), today);
  return (await closingAdjustments(mode, closings)).map((a) => a.day);
}

export type ReviewResult = { ok: true } | { ok: false; reason: "notFound" | "nothingChanged" };

/**
 * A finance user or an admin has looked at a closed day's adjustment: the figures they
 * saw are kept with their note, audited in the same transaction.
 */
export async function reviewAdjustment(
  user: { id: string },
  mode: GatewayMode,
  day: Day,
  note: string,
): Promise<ReviewResult> {
  return getDb().transaction(async (tx) => {
    const found = await getReconciliationDay(mode, day, tx);
    if (!found || !isClosed(found)) return { ok: false, reason: "notFound" } as const;
    await lockClosing(tx, found.id);
    const reviews = await listAdjustmentReviews([found.id], tx);
    const before = baseline(found, reviews);
    const zone: TimeZone = found.timeZone;
    const now = dayTotals(await settlementByDayAndChannel(day, day, { mode, zone, db: tx }));
    if (!before || figureChanges(before, now).length === 0)
      return { ok: false, reason: "nothingChanged" } as const;
    await insertAdjustmentReview(tx, {
      dayId: found.id,
      before,
      after: now,
      reviewedBy: user.id,
      note,
    });
    await recordAudit(tx, {
      action: "reconciliation.adjustment_reviewed",
      actorId: user.id,
      mode,
      target: { type: "reconciliation_day", id: day },
      details: { note, before, after: now },
    });
    return { ok: true } as const;
  });
}

export { listAdjustmentReviews };
