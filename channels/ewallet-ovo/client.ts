import type { ChannelViews } from "../shared/view-types";
import { OvoFields } from "./fields";
import { OvoHandoff } from "./handoff";
import { OvoSlip } from "./slip";

export const ewalletOvoViews: ChannelViews = {
  Fields: OvoFields,
  Handoff: OvoHandoff,
  Slip: OvoSlip,
};
