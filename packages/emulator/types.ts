import type { callbackEventTypes } from "@purwantara/contract";

/** A product (channel family) the emulator serves: the keys of the contract's callback types. */
export type ProductKey = keyof typeof callbackEventTypes;

/** One transaction as the emulator keeps it; each product module renders its own API view. */
export interface Transaction {
  uuid: string;
  product: ProductKey;
  externalId: string | null;
  /** Whole rupiah as decimal digits, so no amount ever passes through a float. */
  amount: string;
  title: string;
  description: string | null;
  /** Raw status string, as Purwantara would send it. */
  status: string;
  /** ISO-8601 UTC instants. */
  createdAt: string;
  expiresAt: string;
  paidAt: string | null;
  settleAt: string | null;
  /** What callbacks report as `event.channel` and `event.meta`: how the buyer paid. */
  paidWith: { channel: string; customerPhone: string | null };
  /** Product-specific fields (return_url, payment_link_url, va_number, ...). */
  extra: Record<string, string | null>;
}

export interface DeliveryAttempt {
  at: string;
  url: string;
  /** HTTP status of the receiver's answer, or null when none came. */
  status: number | null;
  /** Network error or timeout, when there was no answer. */
  error: string | null;
  ms: number;
  /** The start of the receiver's answer, to explain a rejection. */
  response: string | null;
}

/** `dropped`: recorded but never sent, as the drop-callbacks control asked. */
export type DeliveryState = "pending" | "delivered" | "failed" | "dropped";

/** One callback delivery: a body and an `X-PPN-Delivery` id, tried up to N times. */
export interface Delivery {
  /** Position in the log; a redelivery with the same delivery id gets its own entry. */
  seq: number;
  deliveryId: string;
  uuid: string;
  /** Transaction status the body carries. */
  status: string;
  reason: "status-change" | "redelivery";
  /** The exact bytes sent and signed (ASCII, since PHP-style JSON escapes the rest). */
  body: string;
  createdAt: string;
  state: DeliveryState;
  attempts: DeliveryAttempt[];
  /** When the next try is due; survives a restart so retries resume. */
  nextAttemptAt: string | null;
}

export interface EmulatorState {
  version: 1;
  nextSeq: number;
  transactions: Transaction[];
  deliveries: Delivery[];
}
