import type { TransactionChannel } from "@/db/schema";
import { messages as paymentLink } from "./payment-link/messages";
import { messages as virtualAccount } from "./virtual-account/messages";
import { messages as counter } from "./counter/messages";
import { messages as qris } from "./qris/messages";
import { messages as ewalletOvo } from "./ewallet-ovo/messages";
import { messages as ewalletShopeepay } from "./ewallet-shopeepay/messages";
import { messages as ewalletDana } from "./ewallet-dana/messages";

/** Each channel's own words, merged into the catalogue under `channels.<channel>`. */
const byChannel = {
  "payment-link": paymentLink,
  "virtual-account": virtualAccount,
  counter,
  qris,
  "ewallet-ovo": ewalletOvo,
  "ewallet-shopeepay": ewalletShopeepay,
  "ewallet-dana": ewalletDana,
} satisfies Partial<Record<TransactionChannel, { id: object; en: object }>>;

/** A channel the dashboard can create (it has a module, views and words). */
export type CreatableChannel = keyof typeof byChannel;

type Language = "id" | "en";
export type ChannelMessages = { [C in keyof typeof byChannel]: (typeof byChannel)[C]["id"] };

export function channelMessages(language: Language): ChannelMessages {
  return Object.fromEntries(
    Object.entries(byChannel).map(([channel, messages]) => [channel, messages[language]]),
  ) as ChannelMessages;
}
