import { CheckoutWalletFields } from "../shared/checkout-wallet-fields";
import type { ChannelViews } from "../shared/view-types";
import { DanaHandoff } from "./handoff";

export const ewalletDanaViews: ChannelViews = {
  Fields: CheckoutWalletFields,
  Handoff: DanaHandoff,
  qrText: (t) => t.checkoutUrl,
};
