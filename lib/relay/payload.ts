import type { Transaction } from "@/db/schema";
import type { RelayEventType } from "@/lib/core/relay-events";

/**
 * The body other systems receive (Standard Webhooks' `type`, `timestamp`, `data`):
 * the payment's ids, money and times as they stood when the event happened. No buyer
 * name, email or phone: a receiver that needs them looks the payment up.
 */
export function paymentEventBody(type: RelayEventType | string, row: Transaction, at: Date) {
  return {
    type,
    timestamp: at.toISOString(),
    data: {
      id: row.id,
      mode: row.mode,
      channel: row.channel,
      external_id: row.externalId,
      purwantara_uuid: row.purwantaraUuid,
      title: row.title,
      amount: row.amount,
      fee: row.fee,
      state: row.state,
      status: row.rawStatus,
      flags: row.flags,
      expires_at: row.expiresAt?.toISOString() ?? null,
      paid_at: row.paidAt?.toISOString() ?? null,
      settled_at: row.settledAt?.toISOString() ?? null,
    },
  };
}
