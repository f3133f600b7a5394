import { describeCheckoutWalletCreate } from "@/testing/checkout-wallet-create";
import { ewalletShopeepay } from "./server";

describeCheckoutWalletCreate({
  module: ewalletShopeepay,
  label: "ShopeePay",
  email: "spay@example.com",
  paymentChannel: "shopee_pay",
  sharePath: "shopeepay",
  returnField: "return_url",
  eventChannel: "SHOPEEPAY",
});
