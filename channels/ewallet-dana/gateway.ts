/**
 * POST ewallet/dana [seen: Purwantara staff's uptime bot]; its answer is a checkout
 * [chosen, like ShopeePay's] (../shared/checkout-wallet.ts).
 */
export type DanaRequest = {
  amount: number;
  customer_email: string;
  description?: string;
  customer_phone: string;
  payment_channel: "wallet_dana";
  external_id: string;
  merchant_trx_id: string;
  /** Where DANA sends the buyer back. */
  pay_return?: string;
};
