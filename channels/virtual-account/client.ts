import type { ChannelViews } from "../shared/view-types";
import { VirtualAccountFields } from "./fields";
import { VirtualAccountHandoff } from "./handoff";
import { VirtualAccountSlip } from "./slip";

/** No QR: the buyer types the VA number into their bank. */
export const virtualAccountViews: ChannelViews = {
  Fields: VirtualAccountFields,
  Handoff: VirtualAccountHandoff,
  Slip: VirtualAccountSlip,
};
