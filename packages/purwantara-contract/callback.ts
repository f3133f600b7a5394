import { z } from "zod";
import { channels, gatewayChannelFacts, type Channel, type GatewayChannelFacts } from "./channels";

/**
 * A callback body [seen]: the transaction at top level plus an `event` object.
 * Only `uuid` and `status` are required; everything else is kept if present.
 */
export const callbackSchema = z.looseObject({
  uuid: z.string().min(1).max(100),
  status: z.string().min(1).max(50),
  external_id: z.string().max(200).nullable().optional(),
  event: z
    .looseObject({
      type: z.string().nullable().optional(),
      channel: z.string().nullable().optional(),
    })
    .nullable()
    .optional(),
  title: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  // Checked by the receiver (lib/webhooks/money.ts), which flags odd amounts rather
  // than refusing the whole delivery.
  amount: z.unknown().optional(),
  expected_amount: z.unknown().optional(),
  paid_at: z.string().nullable().optional(),
  settle_at: z.string().nullable().optional(),
  expires_at: z.string().nullable().optional(),
  expired_at: z.string().nullable().optional(),
  payment_link_url: z.string().nullable().optional(),
  checkout_url: z.string().nullable().optional(),
});
export type CallbackPayload = z.infer<typeof callbackSchema>;

/** What identifies a callback at all: a body without these is not one. */
export const callbackIdentitySchema = z.looseObject({
  uuid: z.string().min(1),
  status: z.string().min(1),
});

/** Our e-wallet channels by `event.channel`, letters only, upper case ("shopee_pay" → SHOPEEPAY). */
const ewalletChannels = new Map<string, Channel>(
  channels.flatMap((c): [string, Channel][] => {
    const facts: GatewayChannelFacts = gatewayChannelFacts[c];
    return facts.walletName ? [[facts.walletName, c]] : [];
  }),
);

/**
 * Our channel for a callback's `event.type` (and, for e-wallets, `event.channel`). An
 * e-wallet we do not sell (LinkAja, …) is `ewallet-other`, never filed under
 * another channel; its `payment_channel` says which it was.
 */
export function channelForCallback(payload: CallbackPayload): Channel | null {
  const type = payload.event?.type?.toLowerCase();
  if (type === "ewallet") {
    const wallet = (payload.event?.channel ?? "").replace(/[^a-z]/gi, "").toUpperCase();
    return ewalletChannels.get(wallet) ?? "ewallet-other";
  }
  return (
    channels.find((c) => c === type && gatewayChannelFacts[c].callbackEventType === type) ?? null
  );
}

// Years PostgreSQL's timestamptz and a person reading it both make sense of.
const earliestTime = Date.UTC(1970, 0, 1);
const latestTime = Date.UTC(9999, 11, 31);
/** Purwantara's home zone [chosen]: a time sent without a zone is read there, whatever the server's. */
const gatewayZoneOffset = "+07:00";
const zoneLess = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)$/;

/** A callback time read: the instant, and whether its zone was inferred (none was sent). */
export type CallbackTime = { at: Date; zoneInferred: boolean };

/**
 * A callback timestamp, or null when absent, unreadable or out of range. A zone-less
 * time (Laravel's `2026-11-24 09:10:00`) is read as Asia/Jakarta and marked inferred.
 */
export function readCallbackTime(value: string | null | undefined): CallbackTime | null {
  if (!value) return null;
  const bare = zoneLess.exec(value.trim());
  const text = bare ? `${bare[1]}T${bare[2]}${gatewayZoneOffset}` : value;
  // Only full ISO-8601 or the zone-less form: Date's lenient parser reads other text in the host's zone.
  if (
    !bare &&
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(value.trim())
  )
    return null;
  const time = new Date(text).getTime();
  if (Number.isNaN(time) || time < earliestTime || time > latestTime) return null;
  return { at: new Date(time), zoneInferred: bare !== null };
}

/** A callback timestamp as a Date (see readCallbackTime). */
export function callbackTime(value: string | null | undefined): Date | null {
  return readCallbackTime(value)?.at ?? null;
}
