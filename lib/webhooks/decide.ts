import type { DeliveryOutcome, NewTransaction, Transaction } from "@/db/schema";
import { decideTransition } from "@/lib/payments/lifecycle";
import { getChannelModule } from "@/channels/server";
import type { GatewayFacts } from "@/channels/shared/types";
import { callbackTime, type CallbackPayload } from "@purwantara/contract/callback";

function missingFacts(row: Transaction, facts: GatewayFacts): GatewayFacts {
  const entries = Object.entries(facts) as [keyof GatewayFacts, unknown][];
  return Object.fromEntries(
    entries.filter(([key, value]) => value != null && row[key] == null),
  ) as GatewayFacts;
}

export type Decision = {
  outcome: DeliveryOutcome;
  reason: string;
  changes: Partial<NewTransaction> | null;
};

/** What a checked callback does to the transaction it found: the outcome, why, and the changes. */
export function decide(row: Transaction, p: CallbackPayload): Decision {
  const transition = decideTransition(row.state, p.status);
  // A callback can arrive before our create call has stored the gateway's uuid; what
  // the channel's callbacks carry only fills what we do not know yet, never overwrites.
  const backfill: Partial<NewTransaction> = {
    ...(row.purwantaraUuid ? {} : { purwantaraUuid: p.uuid }),
    ...missingFacts(row, {
      ...getChannelModule(row.channel)?.callbackFacts(p),
      ...(p.event?.channel ? { paymentChannel: p.event.channel } : {}),
    }),
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
