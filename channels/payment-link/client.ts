import type { ChannelViews } from "../shared/view-types";
import { PaymentLinkFields } from "./fields";
import { PaymentLinkHandoff } from "./handoff";

export const paymentLinkViews: ChannelViews = {
  Fields: PaymentLinkFields,
  Handoff: PaymentLinkHandoff,
  qrText: (t) => t.paymentLinkUrl,
};
