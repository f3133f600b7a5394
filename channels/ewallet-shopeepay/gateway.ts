/** POST ewallet/shopeepay [seen]; its answer is a checkout (../shared/checkout-wallet.ts). */
export type ShopeepayRequest = {
  amount: number;
  transaction_description?: string;
  customer_email: string;
  customer_first_name: string;
  customer_last_name: string;
  customer_phone: string;
  payment_channel: "shopee_pay";
  external_id: string;
  return_url?: string;
};
