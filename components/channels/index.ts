import type { TransactionChannel } from "@/db/schema";
import { paymentLinkViews } from "./payment-link";
import { virtualAccountViews } from "./virtual-account";
import { counterViews } from "./counter";
import { qrisViews } from "./qris";
import { ewalletOvoViews } from "./ewallet-ovo";
import { ewalletShopeepayViews } from "./ewallet-shopeepay";
import type { ChannelViews } from "./types";

/** Each channel's form fields and buyer hand-off. */
export const channelViews: Partial<Record<TransactionChannel, ChannelViews>> = {
  "payment-link": paymentLinkViews,
  "virtual-account": virtualAccountViews,
  counter: counterViews,
  qris: qrisViews,
  "ewallet-ovo": ewalletOvoViews,
  "ewallet-shopeepay": ewalletShopeepayViews,
};
