"use client";

import { linkHandoff } from "../shared/link-handoff";

/** The ShopeePay checkout link (copy, open) and a QR of it, drawn on our server. */
export const ShopeepayHandoff = linkHandoff({
  channel: "ewallet-shopeepay",
  link: (t) => t.checkoutUrl,
  filePrefix: "shopeepay",
  qrHint: true,
});
