import type { DeliveryOutcome, NewTransaction, Transaction } from "@/db/schema";
import { decideTransition } from "@/lib/payments/lifecycle";
import { callbackTime, type CallbackPayload } from "@/lib/purwantara/callback";

export type Decision = {
  outcome: DeliveryOutcome;
  reason: string;
  changes: Partial<NewTransaction> | null;
};

/** What a checked callback does to the transaction it found: the outcome, why, and the changes. */
export function decide(row: Transaction, p: CallbackPayload): Decision {
  const transition = decideTransition(row.state, p.status);
  // A callback can arrive before our create call has stored the gateway's uuid.
  const backfill: Partial<NewTransaction> = {
    ...(row.purwantaraUuid ? {} : { purwantaraUuid: p.uuid }),
    ...(row.paymentLinkUrl || !p.payment_link_url ? {} : { paymentLinkUrl: p.payment_link_url }),
  };
  const hasBackfill = Object.keys(backfill).length > 0;
  switch (transition.kind) {
    case "advance":
      return {
        outcome: "applied",
        reason: `${row.state} → ${transition.to}`,
        changes: {
          ...backfill,
          state: transition.to,
          rawStatus: p.status,
          paidAt:
            callbackTime(p.paid_at) ??
            row.paidAt ??
            (transition.to === "paid" || transition.to === "settled" ? new Date() : null),
          settledAt: callbackTime(p.settle_at) ?? row.settledAt,
          errorCode: null,
          errorMessage: null,
          errorFields: null,
        },
      };
    case "unknown":
      // checkCallbackValues holds these back first; never move or overwrite on one.
      return { outcome: "needs_review", reason: `unknown status ${p.status}`, changes: null };
    case "same":
      return {
        outcome: "duplicate",
        reason: `already ${row.state}`,
        changes: hasBackfill ? backfill : null,
      };
    case "stale":
      return {
        outcome: "stale",
        reason: `${p.status} arrived after ${row.state}; ignored`,
        changes: hasBackfill ? backfill : null,
      };
  }
}
