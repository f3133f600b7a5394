import { checkoutWalletProduct } from "./checkout-wallet";

/** POST ewallet/dana [seen: the staff uptime bot's fields]; [chosen] its share page, like ShopeePay's. */
export const ewalletDana = checkoutWalletProduct({
  product: "ewallet-dana",
  label: "DANA",
  code: "wallet_dana",
  path: "ewallet/dana",
  eventChannel: "DANA",
  sharePrefix: "/share/dana",
  descriptionField: "description",
  returnField: "pay_return",
  textFields: ["merchant_trx_id"],
  shownFields: ["merchant_trx_id"],
  answersStatus: true,
});
