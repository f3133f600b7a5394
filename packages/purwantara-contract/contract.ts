/**
 * Every value of the Purwantara contract that `shared/purwantara-api.md` marks
 * [chosen] lives here, so it can change in one place when the truth is known.
 * Shared by the app's client and the local emulator (packages/emulator); no secrets of a real
 * environment ever appear here.
 */

// The modes and channels have their own modules; the app's floor (lib/core) re-exports them.
import { gatewayModes, type GatewayMode } from "./modes";
import { gatewayChannelFacts, channels, type Channel } from "./channels";
export { gatewayModes, type GatewayMode };

/** [seen] production and sandbox; [chosen] the emulator's address. */
export const defaultBaseUrls = {
  local: "http://127.0.0.1:4010/v1/",
  sandbox: "https://sandbox-api.purwantara.id/v1/",
  production: "https://api.purwantara.id/v1/",
} as const satisfies Record<GatewayMode, string>;

/**
 * [chosen] Credentials the app and the emulator share in `local` mode, so a fresh
 * checkout works without configuration. The env module refuses them in any other mode.
 */
export const localEmulatorToken = "local-emulator-token";
export const localCallbackSecret = "local-emulator-callback-secret";

/** [chosen] Error codes in the error envelope; the real strings are unknown. */
export const errorCodes = [
  "VALIDATION_ERROR",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "DUPLICATE_EXTERNAL_ID",
  "RATE_LIMITED",
  "SERVER_ERROR",
] as const;
export type GatewayErrorCode = (typeof errorCodes)[number];

/** [seen] ACTIVE; [chosen] the rest of the lifecycle. */
export const knownStatuses = [
  "ACTIVE",
  "PAID",
  "SETTLED",
  "EXPIRED",
  "CANCELLED",
  "FAILED",
] as const;
export type KnownStatus = (typeof knownStatuses)[number];

/** [chosen] event.type per product in callbacks: each channel's `callbackEventType`. */
export const callbackEventTypes = Object.fromEntries(
  channels.map((c) => [c, gatewayChannelFacts[c].callbackEventType]),
) as { [C in Channel]: (typeof gatewayChannelFacts)[C]["callbackEventType"] };

/** [seen] minimum payment-link amount, whole rupiah. */
export const paymentLinkMinAmount = 1000;

/** [chosen, the Laravel webhook sender's defaults] callback delivery. */
export const callbackDelivery = {
  tries: 3,
  timeoutMs: 3000,
  backoffMs: [10_000, 100_000],
} as const;

/** Callback headers [seen]. */
export const callbackHeaders = {
  signature: "signature",
  delivery: "x-ppn-delivery",
  userAgent: "PPN-WH",
} as const;
