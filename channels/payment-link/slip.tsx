"use client";

import { linkSlip } from "../shared/link-slip";

export const PaymentLinkSlip = linkSlip("payment-link");
