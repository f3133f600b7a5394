import { describeCheckoutWalletCreate } from "@/testing/checkout-wallet-create";
import { ewalletDana } from "./server";

describeCheckoutWalletCreate({
  module: ewalletDana,
  label: "DANA",
  email: "dana@example.com",
  paymentChannel: "wallet_dana",
  sharePath: "dana",
  returnField: "pay_return",
  eventChannel: "DANA",
});
