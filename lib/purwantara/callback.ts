import { z } from "zod";
import type { TransactionChannel } from "@/db/schema";

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

/** Our channel for a callback's `event.type` (and, for e-wallets, `event.channel`). */
export function channelForCallback(payload: CallbackPayload): TransactionChannel | null {
  const type = payload.event?.type?.toLowerCase();
  if (type === "ewallet") {
    return payload.event?.channel?.toUpperCase() === "OVO" ? "ewallet-ovo" : "ewallet-shopeepay";
  }
  const known: TransactionChannel[] = ["payment-link", "virtual-account", "qris", "counter"];
  return known.find((c) => c === type) ?? null;
}

// Years PostgreSQL's timestamptz and a person reading it both make sense of.
const earliestTime = Date.UTC(1970, 0, 1);
const latestTime = Date.UTC(9999, 11, 31);

/** A callback timestamp as a Date, or null when absent, unreadable or out of range. */
export function callbackTime(value: string | null | undefined): Date | null {
  if (!value) return null;
  const time = new Date(value).getTime();
  return Number.isNaN(time) || time < earliestTime || time > latestTime ? null : new Date(time);
}
