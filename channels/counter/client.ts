import type { ChannelViews } from "../shared/view-types";
import { CounterFields } from "./fields";
import { CounterHandoff } from "./handoff";
import { CounterSlip } from "./slip";

/** No QR: the buyer reads the code out at the till. */
export const counterViews: ChannelViews = {
  Fields: CounterFields,
  Handoff: CounterHandoff,
  Slip: CounterSlip,
};
