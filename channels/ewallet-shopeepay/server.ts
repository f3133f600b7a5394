import { checkoutWallet } from "../shared/checkout-wallet";
import type { ShopeepayRequest } from "./gateway";

/** "Siti Nur Aisyah" → ["Siti", "Nur Aisyah"]; one word leaves the last name empty. */
function splitName(name: string): [first: string, last: string] {
  const [first = "", ...rest] = name.trim().split(/\s+/);
  return [first, rest.join(" ")];
}

/** A ShopeePay checkout page the buyer opens and pays in the ShopeePay app [seen]. */
export const ewalletShopeepay = checkoutWallet({
  channel: "ewallet-shopeepay",
  label: "ShopeePay",
  paymentChannel: "shopee_pay",
  request: (form, reference) => {
    const [first, last] = splitName(form.customerName);
    const body: ShopeepayRequest = {
      amount: Number(form.amount),
      ...(form.description ? { transaction_description: form.description } : {}),
      customer_email: form.customerEmail,
      customer_first_name: first,
      customer_last_name: last,
      customer_phone: form.customerPhone,
      payment_channel: "shopee_pay",
      external_id: reference,
      ...(form.returnUrl ? { return_url: form.returnUrl } : {}),
    };
    return { path: "ewallet/shopeepay", body };
  },
  // external_id and payment_channel are ours, not the form's: their errors go to the form.
  gatewayFields: {
    amount: "amount",
    transaction_description: "description",
    customer_email: "customerEmail",
    customer_first_name: "customerName",
    customer_last_name: "customerName",
    customer_phone: "customerPhone",
    return_url: "returnUrl",
  },
});
