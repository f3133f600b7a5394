import type { TransactionChannel } from "@/db/schema";
import { paymentLinkViews } from "./payment-link/client";
import { virtualAccountViews } from "./virtual-account/client";
import { counterViews } from "./counter/client";
import { qrisViews } from "./qris/client";
import { ewalletOvoViews } from "./ewallet-ovo/client";
import { ewalletShopeepayViews } from "./ewallet-shopeepay/client";
import { ewalletDanaViews } from "./ewallet-dana/client";
import type { ChannelViews } from "./shared/view-types";

/** Each channel's form fields and buyer hand-off. */
export const channelViews: Partial<Record<TransactionChannel, ChannelViews>> = {
  "payment-link": paymentLinkViews,
  "virtual-account": virtualAccountViews,
  counter: counterViews,
  qris: qrisViews,
  "ewallet-ovo": ewalletOvoViews,
  "ewallet-shopeepay": ewalletShopeepayViews,
  "ewallet-dana": ewalletDanaViews,
};
