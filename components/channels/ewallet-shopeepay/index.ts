import type { ChannelViews } from "../types";
import { ShopeepayFields } from "./fields";
import { ShopeepayHandoff } from "./handoff";

export const ewalletShopeepayViews: ChannelViews = {
  Fields: ShopeepayFields,
  Handoff: ShopeepayHandoff,
  qrText: (t) => t.checkoutUrl,
};
