import type { DeliveryOutcome, Transaction } from "@/db/schema";
import type { TransactionFlag } from "@/lib/payments/flags";
import type { CallbackPayload } from "@purwantara/contract/callback";
import type { CallbackCheck, Finding } from "./checks";
import { decide, type Decision } from "./decide";

/** What a checked delivery does to the transaction it found. */
export type Verdict =
  | { kind: "held"; outcome: "needs_review"; reason: string; flags: TransactionFlag[] }
  | { kind: "apply"; decision: Decision; reason: string; flags: TransactionFlag[] };

/** Equal as decimals ("10000" and "10000.0000"), compared exactly, without floats. */
export function sameDecimal(a: string, b: string): boolean {
  const norm = (v: string) => {
    const [whole = "0", fraction = ""] = v.replace(/^(-?)0+(?=\d)/, "$1").split(".");
    return `${whole}.${fraction.replace(/0+$/, "")}`;
  };
  return norm(a) === norm(b);
}

/** Joins a reason and its notes: `active → paid; PAID without paid_at; …`. */
export function withNotes(reason: string, notes: readonly (string | null | undefined)[]): string {
  return [reason, ...notes].filter(Boolean).join("; ");
}

/** Flags a held delivery raises on the row it names: it waits for a person, and why. */
export function heldFlags(flags: readonly TransactionFlag[]): TransactionFlag[] {
  return unique(["needs_review", ...flags]);
}

function unique(flags: readonly TransactionFlag[]): TransactionFlag[] {
  return [...new Set(flags)].sort();
}

/**
 * The verdict on a delivery whose values passed the checks, for the row it found:
 * a different amount is held (amount_mismatch); otherwise the lifecycle decides, and
 * the flags say what finance should know (a PAID after EXPIRED or CANCELLED is
 * accepted: the money came).
 */
export function verdictFor(
  row: Transaction,
  payload: CallbackPayload,
  check: Extract<CallbackCheck, { ok: true }>,
  extra: readonly Finding[] = [],
): Verdict {
  if (!sameDecimal(check.amount, row.amount)) {
    return {
      kind: "held",
      outcome: "needs_review",
      reason: `amount ${check.amount} differs from our record ${row.amount}`,
      flags: heldFlags(["amount_mismatch"]),
    };
  }
  const decision = decide(row, payload);
  const applied = decision.outcome === "applied";
  // A missing paid time matters only when this delivery is what makes the row paid.
  const findings = [...check.findings, ...extra].filter(
    (f) => applied || f.flag !== "paid_without_time",
  );
  const to = decision.changes?.state;
  if (
    applied &&
    (row.state === "expired" || row.state === "cancelled") &&
    (to === "paid" || to === "settled")
  ) {
    findings.push({
      flag: "paid_after_expiry",
      note: `${payload.status} after ${row.state}: the money came, accepted`,
    });
  }
  return {
    kind: "apply",
    decision,
    reason: withNotes(
      decision.reason,
      findings.map((f) => f.note),
    ),
    flags: unique(findings.map((f) => f.flag)),
  };
}

export const outcomeOf = (v: Verdict): DeliveryOutcome =>
  v.kind === "held" ? v.outcome : v.decision.outcome;
