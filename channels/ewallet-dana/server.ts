import { checkoutWallet } from "../shared/checkout-wallet";
import type { DanaRequest } from "./gateway";

/** A DANA checkout the buyer opens and approves in the DANA app. */
export const ewalletDana = checkoutWallet({
  channel: "ewallet-dana",
  label: "DANA",
  paymentChannel: "wallet_dana",
  request: (form, reference) => {
    const body: DanaRequest = {
      amount: Number(form.amount),
      customer_email: form.customerEmail,
      ...(form.description ? { description: form.description } : {}),
      customer_phone: form.customerPhone,
      payment_channel: "wallet_dana",
      external_id: reference,
      merchant_trx_id: reference,
      ...(form.returnUrl ? { pay_return: form.returnUrl } : {}),
    };
    return { path: "ewallet/dana", body };
  },
  // external_id, merchant_trx_id and payment_channel are ours: their errors go to the form.
  gatewayFields: {
    amount: "amount",
    description: "description",
    customer_email: "customerEmail",
    customer_phone: "customerPhone",
    pay_return: "returnUrl",
  },
});
