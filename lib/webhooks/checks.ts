import { stateForStatus } from "@/lib/payments/lifecycle";
import type { GatewayMode } from "@/lib/purwantara/contract";
import { callbackTime, type CallbackPayload } from "@/lib/purwantara/callback";
import { checkAmount, shownValue } from "./money";

export type CallbackCheck = { ok: true; amount: string } | { ok: false; reason: string };

/**
 * Addresses a buyer is sent to: https, or http against the local emulator, or http on
 * Purwantara's own host (its seen callback example sends `http://purwantara.id/share/…`).
 */
function isSafeBuyerUrl(value: unknown, mode: GatewayMode): boolean {
  if (typeof value !== "string") return false;
  try {
    const url = new URL(value);
    if (url.protocol === "https:") return true;
    const purwantaraHost =
      url.hostname === "purwantara.id" || url.hostname.endsWith(".purwantara.id");
    return url.protocol === "http:" && (mode === "local" || purwantaraHost);
  } catch {
    return false;
  }
}

/**
 * A callback with any unsafe buyer address taken out (the rest still applies), and
 * the note that says which value was refused, kept with the delivery.
 */
export function withoutUnsafeUrls(
  payload: CallbackPayload,
  mode: GatewayMode,
): { payload: CallbackPayload; note: string | null } {
  const refused: string[] = [];
  const clean = { ...payload };
  for (const field of ["payment_link_url", "checkout_url"] as const) {
    const value = payload[field];
    if (value === undefined || value === null || isSafeBuyerUrl(value, mode)) continue;
    refused.push(`${field} ${shownValue(value)} refused (not a safe https address)`);
    delete clean[field];
  }
  return { payload: clean, note: refused.length ? refused.join("; ") : null };
}

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
