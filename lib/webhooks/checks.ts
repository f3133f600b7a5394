import { stateForStatus } from "@/lib/payments/lifecycle";
import { callbackTime, type CallbackPayload } from "@/lib/purwantara/callback";
import { checkAmount, shownValue } from "./money";

export type CallbackCheck = { ok: true; amount: string } | { ok: false; reason: string };

/**
 * Values that must not move a transaction until a person has looked: an unknown
 * status, an amount that is missing, zero, negative or beyond numeric(20,4), a PAID
 * with no readable paid_at. The first one found is the reason.
 */
export function checkCallbackValues(payload: CallbackPayload): CallbackCheck {
  const state = stateForStatus(payload.status);
  if (!state) return { ok: false, reason: `unknown status ${shownValue(payload.status)}` };
  const amount = checkAmount(payload.amount ?? payload.expected_amount);
  if (!amount.ok) return amount;
  if (state === "paid" && !callbackTime(payload.paid_at)) {
    const reason = payload.paid_at
      ? `${payload.status} with unreadable paid_at ${shownValue(payload.paid_at)}`
      : `${payload.status} without paid_at`;
    return { ok: false, reason };
  }
  return { ok: true, amount: amount.value };
}
