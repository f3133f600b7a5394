import type { ChannelViews } from "../shared/view-types";
import { PaymentLinkFields } from "./fields";
import { PaymentLinkHandoff } from "./handoff";
import { PaymentLinkSlip } from "./slip";

export const paymentLinkViews: ChannelViews = {
  Fields: PaymentLinkFields,
  Handoff: PaymentLinkHandoff,
  Slip: PaymentLinkSlip,
  qrText: (pay) => pay.link,
};
