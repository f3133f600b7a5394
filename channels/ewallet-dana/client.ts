import { CheckoutWalletFields } from "../shared/checkout-wallet-fields";
import type { ChannelViews } from "../shared/view-types";
import { DanaHandoff } from "./handoff";
import { DanaSlip } from "./slip";

export const ewalletDanaViews: ChannelViews = {
  Fields: CheckoutWalletFields,
  Handoff: DanaHandoff,
  Slip: DanaSlip,
  qrText: (pay) => pay.link,
};
