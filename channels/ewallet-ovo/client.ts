import type { ChannelViews } from "../shared/view-types";
import { OvoFields } from "./fields";
import { OvoHandoff } from "./handoff";

export const ewalletOvoViews: ChannelViews = {
  Fields: OvoFields,
  Handoff: OvoHandoff,
};
