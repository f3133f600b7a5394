import "server-only";
import { getDb } from "@/db/client";
import {
  decideReconciliationDay,
  getReconciliationDay,
  markReconciliationDay,
} from "@/db/queries/reconciliation-days";
import { countWaitingRefunds, lockRefundDay } from "@/db/queries/refunds";
import { settlementByDayAndChannel, type SettlementCell } from "@/db/queries/settlement";
import { recordAudit } from "@/lib/audit/record";
import { getBusinessZone } from "@/lib/settings/merchant";
import { z } from "zod";
import { addDecimals, decimalPattern } from "@/lib/core/money";
import type { GatewayMode } from "@purwantara/contract";
import { zonedDay, type Day } from "@/lib/core/time";

/** Why a closing step did not happen; each has a sentence in `reconciliation.errors`. */
export type ClosingRefusal =
  "dayNotEnded" | "alreadyMarked" | "notAwaiting" | "ownMark" | "notFound" | "refundsWaiting";
export type ClosingResult = { ok: true } | { ok: false; reason: ClosingRefusal };

type Person = { id: string };

/**
 * The day's totals over all channels, as the maker saw them. `fee` and `net` are over
 * the settled payments whose fee is known; `unknownFeeCount` settled payments have none
 * reported yet (unknown, not zero).
 */
export function dayTotals(cells: SettlementCell[]) {
  const add = (a: string, b: string) => addDecimals(a, b);
  return cells.reduce(
    (sum, c) => ({
      paidCount: sum.paidCount + c.paid.count,
      paidAmount: add(sum.paidAmount, c.paid.amount),
      settledCount: sum.settledCount + c.settled.count,
      settledAmount: add(sum.settledAmount, c.settled.amount),
      fee: add(sum.fee, c.settled.fee),
      net: add(sum.net, c.settled.net),
      unknownFeeCount: sum.unknownFeeCount + c.settled.unknownFeeCount,
      unsettledCount: sum.unsettledCount + c.unsettled.count,
      unsettledAmount: add(sum.unsettledAmount, c.unsettled.amount),
    }),
    {
      paidCount: 0,
      paidAmount: "0",
      settledCount: 0,
      settledAmount: "0",
      fee: "0",
      net: "0",
      unknownFeeCount: 0,
      unsettledCount: 0,
      unsettledAmount: "0",
    },
  );
}

const keptAmount = z.string().regex(decimalPattern).catch("0");

/**
 * The figures kept with a mark, as `dayTotals` made them. A mark made before unknown
 * fees were counted has no `unknownFeeCount`: none is shown for it.
 */
const keptCount = z.number().int().nonnegative().nullable().catch(null);

const markedFiguresSchema = z.object({
  /** Null on a mark made before counts were kept: amounts alone are compared then. */
  paidCount: keptCount,
  settledCount: keptCount,
  paidAmount: keptAmount,
  settledAmount: keptAmount,
  fee: keptAmount,
  net: keptAmount,
  unknownFeeCount: z.number().int().nonnegative().catch(0),
});

export type MarkedFigures = z.infer<typeof markedFiguresSchema>;
export type DayTotals = ReturnType<typeof dayTotals>;

/** A mark's kept figures, or null when it kept none. */
export function markedFigures(kept: unknown): MarkedFigures | null {
  if (!kept || typeof kept !== "object") return null;
  return markedFiguresSchema.parse(kept);
}

/**
 * The maker's step: a finance user marks a day that has ended reconciled, with a note.
 * The day is the business's (its zone in Settings), whoever marks it. Its figures are
 * kept with the mark; the audit entry is written in the same transaction.
 */
export async function markDayReconciled(
  user: Person,
  mode: GatewayMode,
  day: Day,
  note: string,
  now = new Date(),
): Promise<ClosingResult> {
  const zone = await getBusinessZone();
  if (day >= zonedDay(now, zone)) return { ok: false, reason: "dayNotEnded" };
  return getDb().transaction(async (tx) => {
    // Money going back that day is not known until a second person has decided it; a
    // request dated that day waits for this mark, or this mark for it.
    await lockRefundDay(tx, mode, day);
    if ((await countWaitingRefunds(tx, mode, day)) > 0)
      return { ok: false, reason: "refundsWaiting" } as const;
    const cells = await settlementByDayAndChannel(day, day, { mode, zone, db: tx });
    const figures = dayTotals(cells);
    const row = await markReconciliationDay(tx, {
      mode,
      day,
      timeZone: zone,
      markedBy: user.id,
      note,
      figures,
    });
    if (!row) return { ok: false, reason: "alreadyMarked" } as const;
    await recordAudit(tx, {
      action: "reconciliation.marked",
      actorId: user.id,
      mode,
      target: { type: "reconciliation_day", id: day },
      details: { note, timeZone: zone, figures },
    });
    return { ok: true } as const;
  });
}

/**
 * The checker's step: a second finance user or an admin approves or rejects a day
 * awaiting approval. The maker can never decide their own mark; of two decisions at
 * once, one wins (a conditional update), the other is told the day moved on.
 */
export async function decideDay(
  user: Person,
  mode: GatewayMode,
  day: Day,
  decision: "approved" | "rejected",
  note: string | null,
): Promise<ClosingResult> {
  return getDb().transaction(async (tx) => {
    const row = await decideReconciliationDay(tx, {
      mode,
      day,
      reviewerId: user.id,
      decision,
      note,
    });
    if (!row) {
      const current = await getReconciliationDay(mode, day, tx);
      if (!current) return { ok: false, reason: "notFound" } as const;
      if (current.status === "awaiting_approval" && current.markedBy === user.id)
        return { ok: false, reason: "ownMark" } as const;
      return { ok: false, reason: "notAwaiting" } as const;
    }
    await recordAudit(tx, {
      action: decision === "approved" ? "reconciliation.approved" : "reconciliation.rejected",
      actorId: user.id,
      mode,
      target: { type: "reconciliation_day", id: day },
      details: { note, markedBy: row.markedBy, markedAt: row.markedAt.toISOString() },
    });
    return { ok: true } as const;
  });
}
