import type { TransactionState } from "@/db/schema";
import { stateRank } from "@/lib/core/payment-states";

/**
 * Our lifecycle over Purwantara's raw statuses. Only ACTIVE is seen; the rest is
 * chosen (see shared/purwantara-api.md). An unknown raw status maps to nothing: it is
 * stored as received and shown, but never moves the lifecycle.
 */
const statusToState: Record<string, TransactionState> = {
  ACTIVE: "active",
  PENDING: "active",
  PAID: "paid",
  SUCCESS: "paid",
  SETTLED: "settled",
  EXPIRED: "expired",
  CANCELLED: "cancelled",
  CANCELED: "cancelled",
  FAILED: "failed",
};

export function stateForStatus(rawStatus: string | null | undefined): TransactionState | null {
  if (!rawStatus) return null;
  return statusToState[rawStatus.trim().toUpperCase()] ?? null;
}

/** How far along a state is (lib/core/payment-states.ts says why). */
export const rank: Record<TransactionState, number> = stateRank;

export type Transition =
  | { kind: "advance"; to: TransactionState }
  | { kind: "same" }
  | { kind: "stale" }
  | { kind: "unknown" };

/** What an incoming raw status does to a transaction in state `current`. */
export function decideTransition(current: TransactionState, rawStatus: string): Transition {
  const next = stateForStatus(rawStatus);
  if (!next) return { kind: "unknown" };
  if (next === current) return { kind: "same" };
  return rank[next] > rank[current] ? { kind: "advance", to: next } : { kind: "stale" };
}
