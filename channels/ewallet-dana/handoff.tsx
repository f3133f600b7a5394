"use client";

import { linkHandoff } from "../shared/link-handoff";

/** The DANA checkout link (copy, open) and a QR of it, drawn on our server. */
export const DanaHandoff = linkHandoff({
  channel: "ewallet-dana",
  link: (t) => t.checkoutUrl,
  filePrefix: "dana",
  qrHint: true,
});
