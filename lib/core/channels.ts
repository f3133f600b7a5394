/**
 * The channels, said once: the database enum, the contract, the callback reader, the
 * settlement delays, the chart and the list's filter all derive from this tuple and its
 * facts. A channel's behaviour (form, gateway call, hand-off) lives in its folder under
 * channels/; only what every layer must agree on is here. Browser-safe, imports nothing
 * of the app but its siblings.
 */
import { bankCodes, qrisAcquirerCodes } from "./payment-names";

/** Every channel a row can belong to. A new value needs a migration (db/schema.ts reads this). */
export const channels = [
  "virtual-account",
  "qris",
  "ewallet-ovo",
  "ewallet-shopeepay",
  "payment-link",
  "counter",
  /** An e-wallet we do not sell (LinkAja, …): its own `payment_channel` says which. */
  "ewallet-other",
  "ewallet-dana",
] as const;
export type Channel = (typeof channels)[number];

export type ChannelFacts = {
  /** [chosen] `event.type` in this channel's callbacks (and `GET /v1/channel`'s `type`). */
  callbackEventType: "payment-link" | "virtual-account" | "qris" | "ewallet" | "counter";
  /**
   * An e-wallet's `event.channel`, letters only, upper case ("shopee_pay" → SHOPEEPAY):
   * how a callback of type `ewallet` finds its channel. Absent: not one wallet.
   */
  walletName?: string;
  /** The `bank` / `payment_channel` codes a create request may send. */
  paymentChannels: readonly string[];
  /**
   * Whole days after the day a payment was paid by which its settlement is expected:
   * a virtual account and QRIS settle the next day; e-wallets and the counter (Alfamart)
   * two. A payment link may be paid with an e-wallet, so it gets two.
   */
  settlementDays: number;
  /** The chart's colour, dark enough against white for the bars' 3:1 contrast. */
  colour: `#${string}`;
};

export const channelFacts = {
  "virtual-account": {
    callbackEventType: "virtual-account",
    paymentChannels: bankCodes,
    settlementDays: 1,
    colour: "#1d4ed8",
  },
  qris: {
    callbackEventType: "qris",
    paymentChannels: qrisAcquirerCodes,
    settlementDays: 1,
    colour: "#b45309",
  },
  "ewallet-ovo": {
    callbackEventType: "ewallet",
    walletName: "OVO",
    paymentChannels: ["OVO"],
    settlementDays: 2,
    colour: "#6d28d9",
  },
  "ewallet-shopeepay": {
    callbackEventType: "ewallet",
    walletName: "SHOPEEPAY",
    paymentChannels: ["shopee_pay"],
    settlementDays: 2,
    colour: "#c2410c",
  },
  "payment-link": {
    callbackEventType: "payment-link",
    paymentChannels: [],
    settlementDays: 2,
    colour: "#047857",
  },
  counter: {
    callbackEventType: "counter",
    paymentChannels: ["Alfamart"],
    settlementDays: 2,
    colour: "#be123c",
  },
  "ewallet-other": {
    callbackEventType: "ewallet",
    paymentChannels: [],
    settlementDays: 2,
    colour: "#0e7490",
  },
  "ewallet-dana": {
    callbackEventType: "ewallet",
    walletName: "DANA",
    paymentChannels: ["wallet_dana"],
    settlementDays: 2,
    colour: "#a21caf",
  },
} as const satisfies Record<Channel, ChannelFacts>;

/** Whether a text is one of our channel keys. */
export function isChannel(value: string): value is Channel {
  return (channels as readonly string[]).includes(value);
}
