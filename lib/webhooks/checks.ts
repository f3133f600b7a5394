import { stateForStatus } from "@/lib/payments/lifecycle";
import type { GatewayMode } from "@purwantara/contract";
import type { TransactionFlag } from "@/lib/payments/flags";
import {
  channelForCallback,
  readCallbackTime,
  type CallbackPayload,
  type CallbackTime,
} from "@purwantara/contract/callback";
import { checkAmount, shownValue } from "./money";

/** Something finance should know, accepted: the flag it raises and the note kept on the delivery. */
export type Finding = { flag: TransactionFlag; note: string };

export type CallbackCheck =
  | { ok: true; amount: string; findings: Finding[] }
  | { ok: false; reason: string; flags: TransactionFlag[] };

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
 * What a callback's values mean before any row is read. Held (`ok: false`, the state
 * must not move until a person looks): an unknown status, an amount that is missing,
 * zero, negative or beyond numeric(20,4). Accepted with a flag and a note: a PAID
 * without a readable paid_at (the time received is used), an event.type we do not
 * know. Each carries the transaction flags it raises; raw values stay on the delivery.
 */
export function checkCallbackValues(payload: CallbackPayload): CallbackCheck {
  const state = stateForStatus(payload.status);
  if (!state)
    return {
      ok: false,
      reason: `unknown status ${shownValue(payload.status)}`,
      flags: ["unknown_status"],
    };
  const amount = checkAmount(payload.amount ?? payload.expected_amount);
  if (!amount.ok) return { ok: false, reason: amount.reason, flags: ["amount_mismatch"] };
  const findings: Finding[] = [];
  const paidAt = readCallbackTime(payload.paid_at);
  const settledAt = readCallbackTime(payload.settle_at);
  if ((state === "paid" || state === "settled") && !paidAt) {
    findings.push({
      flag: "paid_without_time",
      note: payload.paid_at
        ? `${payload.status} with unreadable paid_at ${shownValue(payload.paid_at)}; the time received is used`
        : `${payload.status} without paid_at; the time received is used`,
    });
  }
  findings.push(...timeFindings(payload, paidAt, settledAt));
  if (!/\.0*$/.test(amount.value)) {
    findings.push({
      flag: "fractional_amount",
      note: `amount ${shownValue(payload.amount ?? payload.expected_amount)} has a fraction of a rupiah`,
    });
  }
  const type = payload.event?.type;
  if (type != null && !channelForCallback(payload)) {
    findings.push({ flag: "unknown_channel", note: `unknown event.type ${shownValue(type)}` });
  }
  return { ok: true, amount: amount.value, findings };
}

/** Times finance should know were odd: a zone assumed, a settlement before the payment. */
function timeFindings(
  payload: CallbackPayload,
  paidAt: CallbackTime | null,
  settledAt: CallbackTime | null,
): Finding[] {
  const findings: Finding[] = [];
  const inferred = [
    paidAt?.zoneInferred ? `paid_at ${shownValue(payload.paid_at)}` : null,
    settledAt?.zoneInferred ? `settle_at ${shownValue(payload.settle_at)}` : null,
  ].filter(Boolean);
  if (inferred.length > 0) {
    findings.push({
      flag: "time_zone_inferred",
      note: `${inferred.join(" and ")} without a zone; read as Asia/Jakarta`,
    });
  }
  if (paidAt && settledAt && settledAt.at < paidAt.at) {
    findings.push({
      flag: "settled_before_paid",
      note: `settle_at ${shownValue(payload.settle_at)} is before paid_at ${shownValue(payload.paid_at)}`,
    });
  }
  return findings;
}
