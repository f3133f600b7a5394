"use client";

import { linkSlip } from "../shared/link-slip";

export const ShopeepaySlip = linkSlip("ewallet-shopeepay");
