/**
 * The channels as the gateway knows them, said once: the callback reader, the emulator
 * and the app's floor (lib/core/channels.ts, which adds the dashboard's own facts:
 * settlement delays, colours) all derive from this tuple and its facts.
 */

/** The banks that issue Purwantara virtual accounts [seen], in the contract's order. */
export const bankCodes = [
  "CIMB",
  "PERMATA",
  "MANDIRI",
  "BSI",
  "BCA",
  "BNI",
  "BRI",
  "DANAMON",
] as const;
export type BankCode = (typeof bankCodes)[number];

/** [seen] The QRIS acquirers, as `payment_channel` codes. */
export const qrisAcquirerCodes = ["qris_doku", "shopeepay", "qrisdana"] as const;

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

export type GatewayChannelFacts = {
  /** [chosen] `event.type` in this channel's callbacks (and `GET /v1/channel`'s `type`). */
  callbackEventType: "payment-link" | "virtual-account" | "qris" | "ewallet" | "counter";
  /**
   * An e-wallet's `event.channel`, letters only, upper case ("shopee_pay" → SHOPEEPAY):
   * how a callback of type `ewallet` finds its channel. Absent: not one wallet.
   */
  walletName?: string;
  /** The `bank` / `payment_channel` codes a create request may send. */
  paymentChannels: readonly string[];
};

export const gatewayChannelFacts = {
  "virtual-account": { callbackEventType: "virtual-account", paymentChannels: bankCodes },
  qris: { callbackEventType: "qris", paymentChannels: qrisAcquirerCodes },
  "ewallet-ovo": { callbackEventType: "ewallet", walletName: "OVO", paymentChannels: ["OVO"] },
  "ewallet-shopeepay": {
    callbackEventType: "ewallet",
    walletName: "SHOPEEPAY",
    paymentChannels: ["shopee_pay"],
  },
  "payment-link": { callbackEventType: "payment-link", paymentChannels: [] },
  counter: { callbackEventType: "counter", paymentChannels: ["Alfamart"] },
  "ewallet-other": { callbackEventType: "ewallet", paymentChannels: [] },
  "ewallet-dana": {
    callbackEventType: "ewallet",
    walletName: "DANA",
    paymentChannels: ["wallet_dana"],
  },
} as const satisfies Record<Channel, GatewayChannelFacts>;

/** Whether a text is one of our channel keys. */
export function isChannel(value: string): value is Channel {
  return (channels as readonly string[]).includes(value);
}
