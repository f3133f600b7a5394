import type { ChannelViews } from "../shared/view-types";
import { QrisFields } from "./fields";
import { QrisHandoff } from "./handoff";

export const qrisViews: ChannelViews = {
  Fields: QrisFields,
  Handoff: QrisHandoff,
  // Drawn on our server from the EMV payload: never the gateway's remote qr_url.
  qrText: (t) => t.qrString,
};
