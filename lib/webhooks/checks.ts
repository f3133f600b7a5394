import { stateForStatus } from "@/lib/payments/lifecycle";
import type { GatewayMode } from "@/lib/purwantara/contract";
import { callbackTime, type CallbackPayload } from "@/lib/purwantara/callback";
import { checkAmount, shownValue } from "./money";

export type CallbackCheck = { ok: true; amount: string } | { ok: false; reason: string };

/** Addresses a buyer is sent to: https only (plain http too against the local emulator). */
function badBuyerUrl(payload: CallbackPayload, mode: GatewayMode): string | null {
  const allowed = mode === "local" ? ["https:", "http:"] : ["https:"];
  for (const field of ["payment_link_url", "checkout_url"] as const) {
    const value = payload[field];
    if (value === undefined || value === null) continue;
    let protocol = "";
    try {
      protocol = typeof value === "string" ? new URL(value).protocol : "";
    } catch {
      protocol = "";
    }
    if (!allowed.includes(protocol))
      return `${field} ${shownValue(value)} is not an ${allowed.join(" or ")} address`;
  }
  return null;
}

/**
 * Values that must not move a transaction until a person has looked: an unknown
 * status, an amount that is missing, zero, negative or beyond numeric(20,4), a PAID
 * with no readable paid_at, a buyer address that is not https. The first one found
 * is the reason.
 */
export function checkCallbackValues(payload: CallbackPayload, mode: GatewayMode): CallbackCheck {
  const url = badBuyerUrl(payload, mode);
  if (url) return { ok: false, reason: url };
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
