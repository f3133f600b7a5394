import { CheckoutWalletFields } from "../shared/checkout-wallet-fields";
import type { ChannelViews } from "../shared/view-types";
import { ShopeepayHandoff } from "./handoff";

export const ewalletShopeepayViews: ChannelViews = {
  Fields: CheckoutWalletFields,
  Handoff: ShopeepayHandoff,
  qrText: (t) => t.checkoutUrl,
};
