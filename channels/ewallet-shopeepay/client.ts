import { CheckoutWalletFields } from "../shared/checkout-wallet-fields";
import type { ChannelViews } from "../shared/view-types";
import { ShopeepayHandoff } from "./handoff";
import { ShopeepaySlip } from "./slip";

export const ewalletShopeepayViews: ChannelViews = {
  Fields: CheckoutWalletFields,
  Handoff: ShopeepayHandoff,
  Slip: ShopeepaySlip,
  qrText: (pay) => pay.link,
};
