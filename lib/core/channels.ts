/**
 * The channels, said once: the database enum, the contract, the callback reader, the
 * settlement delays, the chart and the list's filter all derive from this tuple and its
 * facts. The tuple and what the gateway defines (event types, payment channel codes)
 * come from the contract package (packages/purwantara-contract/channels.ts); the
 * dashboard's own facts are here. A channel's behaviour (form, gateway call, hand-off)
 * lives in its folder under channels/. Browser-safe, imports nothing of the app.
 */
import {
  channels,
  gatewayChannelFacts,
  isChannel,
  type Channel,
  type GatewayChannelFacts,
} from "@purwantara/contract/channels";

export { channels, isChannel, type Channel };

type DashboardFacts = {
  /**
   * Whole days after the day a payment was paid by which its settlement is expected:
   * a virtual account and QRIS settle the next day; e-wallets and the counter (Alfamart)
   * two. A payment link may be paid with an e-wallet, so it gets two.
   */
  settlementDays: number;
  /** The chart's colour, dark enough against white for the bars' 3:1 contrast. */
  colour: `#${string}`;
};

export type ChannelFacts = GatewayChannelFacts & DashboardFacts;

const dashboardFacts = {
  "virtual-account": { settlementDays: 1, colour: "#1d4ed8" },
  qris: { settlementDays: 1, colour: "#b45309" },
  "ewallet-ovo": { settlementDays: 2, colour: "#6d28d9" },
  "ewallet-shopeepay": { settlementDays: 2, colour: "#c2410c" },
  "payment-link": { settlementDays: 2, colour: "#047857" },
  counter: { settlementDays: 2, colour: "#be123c" },
  "ewallet-other": { settlementDays: 2, colour: "#0e7490" },
  "ewallet-dana": { settlementDays: 2, colour: "#a21caf" },
} as const satisfies Record<Channel, DashboardFacts>;

export const channelFacts = Object.fromEntries(
  channels.map((c) => [c, { ...gatewayChannelFacts[c], ...dashboardFacts[c] }]),
) as {
  [C in Channel]: (typeof gatewayChannelFacts)[C] & (typeof dashboardFacts)[C];
};
