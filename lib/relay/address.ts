import { isPrivateHost, outboundUrl } from "@/lib/http/outbound-address";

/**
 * Where the relay may send (an admin types the URL, so it is an SSRF risk): the shared
 * outbound guard (lib/http/outbound-address.ts), and in production only https to
 * public addresses; the connection is checked again by `publicOnlyLookup`.
 */
export type RelayUrlRefusal = "invalid" | "notHttps" | "privateAddress";

/** Why `value` may not be a relay endpoint, or null when it may. */
export function relayUrlRefusal(
  value: string,
  rules: { allowPrivate: boolean },
): RelayUrlRefusal | null {
  const url = outboundUrl(value);
  if (!url) return "invalid";
  if (rules.allowPrivate) return null;
  if (url.protocol !== "https:") return "notHttps";
  return isPrivateHost(url.hostname) ? "privateAddress" : null;
}
