import "server-only";
import { z } from "zod";
import { listRefundsOfTransaction } from "@/db/queries/refunds";
import { getTransaction } from "@/db/queries/transactions";
import type { Transaction, TransactionChannel } from "@/db/schema";
import { addDecimals, subtractDecimals } from "@/lib/core/money";
import type { GatewayMode } from "@purwantara/contract";
import { getShop, type Shop } from "@/lib/settings/shop";
import { grossOf, refundableStates } from "./refunds";

/** Money given back to the buyer: an approved refund's amount and day. */
export type ReceiptRefund = { amount: string; refundedOn: string };

/**
 * A receipt: what a buyer may be shown once they paid (the page, the emailed receipt).
 * No fee, creator, internal id, timeline or gateway answer; refunds only once a second
 * person approved them, without their reasons or who decided.
 */
export type ReceiptView = {
  shop: Shop;
  channel: TransactionChannel;
  /** What the buyer paid with, as Purwantara names it (`qris_doku`, `BCA`): to translate. */
  paidWith: string | null;
  title: string | null;
  description: string | null;
  /** What the buyer paid: the amount Purwantara confirmed, else ours. */
  amount: string;
  paidAt: Date | null;
  reference: string | null;
  refunds: ReceiptRefund[];
  refunded: string;
  /** Amount minus approved refunds. */
  net: string;
};

/** The receipt of a paid (or settled) payment; null while nothing was paid. */
export function buildReceipt(
  t: Transaction,
  approvedRefunds: ReceiptRefund[],
  shop: Shop,
): ReceiptView | null {
  if (!refundableStates.includes(t.state)) return null;
  const amount = grossOf(t);
  const refunded = addDecimals("0", ...approvedRefunds.map((r) => r.amount));
  return {
    shop,
    channel: t.channel,
    paidWith: t.paymentChannel ?? t.bank,
    title: t.title,
    description: t.description && t.description !== t.title ? t.description : null,
    amount,
    paidAt: t.paidAt,
    reference: t.externalId,
    refunds: approvedRefunds,
    refunded,
    net: subtractDecimals(amount, refunded),
  };
}

export type ReceiptOutcome =
  { kind: "receipt"; receipt: ReceiptView } | { kind: "unpaid"; transaction: Transaction };

/**
 * The receipt of one payment of `mode`, or the unpaid row (whose page says why there is
 * no receipt); null for an unknown or malformed id. The receipt email reads this too.
 */
export async function getReceipt(id: string, mode: GatewayMode): Promise<ReceiptOutcome | null> {
  if (!z.uuid().safeParse(id).success) return null;
  const row = await getTransaction(id, mode);
  if (!row) return null;
  const refunds = (await listRefundsOfTransaction(row.id, mode))
    .filter((r) => r.state === "approved")
    .map((r) => ({ amount: r.amount, refundedOn: r.refundedOn }));
  const receipt = buildReceipt(row, refunds, await getShop());
  return receipt ? { kind: "receipt", receipt } : { kind: "unpaid", transaction: row };
}
