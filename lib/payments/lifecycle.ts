import type { TransactionState } from "@/db/schema";

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

/**
 * How far along a state is. Money received outranks an expiry or failure (a buyer
 * can pay just as a code expires, and that money is real), so a late PAID wins over
 * EXPIRED, while an EXPIRED arriving after PAID is stale.
 */
export const rank: Record<TransactionState, number> = {
  creating: 0,
  failed_to_create: 0,
  unconfirmed: 0,
  active: 1,
  expired: 2,
  cancelled: 2,
  failed: 2,
  paid: 3,
  settled: 4,
};

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

/** States of a row whose create call has not (yet) produced a confirmed payment. */
export const pendingStates: readonly TransactionState[] = [
  "creating",
  "failed_to_create",
  "unconfirmed",
];

export const terminalStates: readonly TransactionState[] = [
  "failed_to_create",
  "settled",
  "expired",
  "cancelled",
  "failed",
];
