import { paymentLink } from "./payment-link";
import { virtualAccount } from "./virtual-account";
import { counter } from "./counter";
import { qris } from "./qris";
import { ewalletOvo } from "./ewallet-ovo";
import { ewalletShopeepay } from "./ewallet-shopeepay";
import type { CreatableChannel } from "./messages";
import type { ChannelModule } from "./types";

/** Every channel the dashboard creates, in the order the picker shows them. */
const registry: readonly ChannelModule[] = [
  virtualAccount,
  qris,
  ewalletOvo,
  ewalletShopeepay,
  paymentLink,
  counter,
];

export const creatableChannels: readonly CreatableChannel[] = registry.map((m) => m.channel);

export function getChannelModule(channel: string): ChannelModule | null {
  return registry.find((m) => m.channel === channel) ?? null;
}
