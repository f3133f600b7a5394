import type { TransactionChannel } from "@/db/schema";
import { paymentName } from "./payment-name";

type Translate = Parameters<typeof paymentName>[0] &
  ((key: `channel.${TransactionChannel}`) => string);

/**
 * How a buyer paid, in words: the channel's name, with the bank of a VA ("Virtual
 * account BCA") or the name of what Purwantara says paid ("QRIS (DOKU)"). Never a code.
 */
export function describePaidWith(
  t: Translate,
  channel: TransactionChannel,
  paidWith: string | null,
): string {
  const name = t(`channel.${channel}`);
  if (!paidWith) return name;
  const detail = paymentName(t, paidWith);
  return channel === "virtual-account" ? `${name} ${detail}` : detail;
}
