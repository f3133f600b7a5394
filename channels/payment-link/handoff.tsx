"use client";

import { linkHandoff } from "../shared/link-handoff";

export const PaymentLinkHandoff = linkHandoff({
  channel: "payment-link",
  link: (t) => t.paymentLinkUrl,
  filePrefix: "link",
});
