import type { Transaction } from "@/db/schema";
import type { RefundState } from "@/lib/core/refund-terms";
import type { RelayEventType } from "@/lib/core/relay-events";

/**
 * A refund as a refund event carries it: what, why, how and its step. Not the buyer's
 * bank or account (personal data), nor who asked or decided (staff ids stay inside).
 */
export type RefundFacts = {
  id: string;
  amount: string;
  reason: string;
  method: string;
  refunded_on: string;
  state: RefundState;
};

/**
 * The body other systems receive (Standard Webhooks' `type`, `timestamp`, `data`):
 * the payment's ids, money and times as they stood when the event happened. No buyer
 * name, email or phone: a receiver that needs them looks the payment up.
 */
export function paymentEventBody(
  type: RelayEventType | string,
  row: Transaction,
  at: Date,
  refund?: RefundFacts,
) {
  return {
    type,
    timestamp: at.toISOString(),
    data: {
      ...(refund ? { refund } : {}),
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
