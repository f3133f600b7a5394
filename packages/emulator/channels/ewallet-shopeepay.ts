import { checkoutWalletProduct } from "./checkout-wallet";

/** POST ewallet/shopeepay [seen: the SDK's tests' and the uptime bot's fields]. */
export const ewalletShopeepay = checkoutWalletProduct({
  product: "ewallet-shopeepay",
  label: "ShopeePay",
  code: "shopee_pay",
  path: "ewallet/shopeepay",
  eventChannel: "SHOPEEPAY",
  sharePrefix: "/share/shopeepay",
  descriptionField: "transaction_description",
  returnField: "return_url",
  textFields: ["customer_first_name", "customer_last_name"],
  shownFields: [],
  answersStatus: false,
});
