import type { TransactionChannel } from "@/db/schema";

/** Whole days after the day a payment was paid by which its settlement is expected. */
export type SettlementDelays = Record<TransactionChannel, number>;

/**
 * Defaults: a virtual account and QRIS settle the next day; e-wallets and the counter
 * (Alfamart) take two. A payment link may be paid with an e-wallet, so it gets two.
 */
export const defaultSettlementDelays = {
  "virtual-account": 1,
  qris: 1,
  "ewallet-ovo": 2,
  "ewallet-shopeepay": 2,
  "ewallet-other": 2,
  "payment-link": 2,
  counter: 2,
} as const satisfies SettlementDelays;
