"use client";

import { linkSlip } from "../shared/link-slip";

export const DanaSlip = linkSlip("ewallet-dana");
