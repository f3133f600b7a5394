import "server-only";
import { listRefundsOfTransaction, type RefundView } from "@/db/queries/refunds";
import type { Transaction } from "@/db/schema";
import { addDecimals } from "@/lib/money";
import type { GatewayMode } from "@/lib/purwantara/contract";
import { grossOf, refundableStates, refundFigures, type RefundFigures } from "./refunds";

export type { RefundView };

export type PaymentRefunds = {
  figures: RefundFigures;
  refunds: RefundView[];
  /** A new refund may be requested: paid or settled, and something is left. */
  open: boolean;
};

/** A payment's refund ledger and its figures, for its page. */
export async function getPaymentRefunds(
  payment: Pick<Transaction, "id" | "state" | "amount" | "confirmedAmount">,
  mode: GatewayMode,
): Promise<PaymentRefunds> {
  const refunds = await listRefundsOfTransaction(payment.id, mode);
  const sum = (state: RefundView["state"]) =>
    addDecimals("0", ...refunds.filter((r) => r.state === state).map((r) => r.amount));
  const figures = refundFigures(grossOf(payment), {
    approved: sum("approved"),
    requested: sum("requested"),
  });
  const open = refundableStates.includes(payment.state) && !/^-|^0$/.test(figures.left);
  return { figures, refunds, open };
}
