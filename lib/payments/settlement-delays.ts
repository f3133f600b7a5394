import { channelFacts, channels, type Channel } from "@/lib/core/channels";

/** Whole days after the day a payment was paid by which its settlement is expected. */
export type SettlementDelays = Record<Channel, number>;

/** Defaults: each channel's `settlementDays` (lib/core/channels.ts says why). */
export const defaultSettlementDelays: Readonly<SettlementDelays> = Object.fromEntries(
  channels.map((c) => [c, channelFacts[c].settlementDays]),
) as Record<Channel, number>;
