import { subtractDecimals } from "@/lib/core/money";
import type { DayTotals, MarkedFigures } from "./reconciliation";

/** The figures of a closed day compared after close, in the order the page lists them. */
export const comparedFigures = [
  "paidCount",
  "paidAmount",
  "settledCount",
  "settledAmount",
  "fee",
  "net",
  "unknownFeeCount",
] as const;
export type ComparedFigure = (typeof comparedFigures)[number];

export type FigureChange =
  | { figure: ComparedFigure; kind: "count"; before: number; now: number; delta: number }
  | { figure: ComparedFigure; kind: "amount"; before: string; now: string; delta: string };

/**
 * What moved between a closed day's kept figures and its figures now. Unsettled
 * payments are left out: their settling later is the expected course, not an
 * adjustment. A count a mark did not keep is not compared.
 */
export function figureChanges(before: MarkedFigures, now: DayTotals): FigureChange[] {
  return comparedFigures.flatMap((figure): FigureChange[] => {
    const was = before[figure];
    const is = now[figure];
    if (was === null) return [];
    if (typeof was === "number" && typeof is === "number")
      return was === is ? [] : [{ figure, kind: "count", before: was, now: is, delta: is - was }];
    const delta = subtractDecimals(String(is), String(was));
    return delta === "0"
      ? []
      : [{ figure, kind: "amount", before: String(was), now: String(is), delta }];
  });
}
