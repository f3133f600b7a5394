import { paymentLink } from "./payment-link/server";
import { virtualAccount } from "./virtual-account/server";
import { counter } from "./counter/server";
import { qris } from "./qris/server";
import { ewalletOvo } from "./ewallet-ovo/server";
import { ewalletShopeepay } from "./ewallet-shopeepay/server";
import { ewalletDana } from "./ewallet-dana/server";
import type { CreatableChannel } from "./messages";
import type { ChannelModule } from "./shared/types";

/** Every channel the dashboard creates, in the order the picker shows them. */
const registry: readonly ChannelModule[] = [
  virtualAccount,
  qris,
  ewalletOvo,
  ewalletShopeepay,
  ewalletDana,
  paymentLink,
  counter,
];

export const creatableChannels: readonly CreatableChannel[] = registry.map((m) => m.channel);

export function getChannelModule(channel: string): ChannelModule | null {
  return registry.find((m) => m.channel === channel) ?? null;
}
