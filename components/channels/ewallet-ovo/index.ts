import type { ChannelViews } from "../types";
import { OvoFields } from "./fields";
import { OvoHandoff } from "./handoff";

export const ewalletOvoViews: ChannelViews = {
  Fields: OvoFields,
  Handoff: OvoHandoff,
};
