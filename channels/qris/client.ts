import type { ChannelViews } from "../shared/view-types";
import { QrisFields } from "./fields";
import { QrisHandoff } from "./handoff";
import { QrisSlip } from "./slip";

export const qrisViews: ChannelViews = {
  Fields: QrisFields,
  Handoff: QrisHandoff,
  Slip: QrisSlip,
  // Drawn on our server from the EMV payload: never the gateway's remote qr_url.
  qrText: (pay) => pay.qrString,
};
