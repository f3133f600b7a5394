import { outboundUrl } from "../http/outbound-address";
import { defaultBaseUrls, type GatewayMode } from "@purwantara/contract";

/**
 * Where the app may send a mode's requests (and its token). Sandbox and production talk
 * only to Purwantara's own host for that mode over https, so a changed address cannot
 * point the server at another machine (SSRF) or hand the token to someone else. Local
 * mode (the emulator, configured only by the environment) may use any http(s) host.
 * The operator may name further origins in PURWANTARA_EXTRA_GATEWAY_ORIGINS (an
 * emulator standing in for Purwantara in end-to-end tests); a real deployment sets none.
 * Free of `server-only`: the env parser and the settings forms read it.
 */

/** Purwantara's host per mode, from the contract's default addresses. */
export function purwantaraHost(mode: Exclude<GatewayMode, "local">): string {
  return new URL(defaultBaseUrls[mode]).host;
}

export type AddressRefusal = "invalid" | "notPurwantara";

/** Why `value` may not be `mode`'s API address, or null when it may. */
export function gatewayAddressRefusal(
  mode: GatewayMode,
  value: string,
  extraOrigins: readonly string[],
): AddressRefusal | null {
  const url = outboundUrl(value);
  if (!url) return "invalid";
  if (mode === "local") return null;
  if (extraOrigins.includes(url.origin)) return null;
  return url.protocol === "https:" && url.host === purwantaraHost(mode) ? null : "notPurwantara";
}

/**
 * PURWANTARA_EXTRA_GATEWAY_ORIGINS: comma-separated origins ("http://127.0.0.1:4010").
 * Returns the normalised origins, or the first entry that is not one.
 */
export function parseExtraOrigins(
  text: string | undefined,
): { ok: true; origins: string[] } | { ok: false; entry: string } {
  const origins: string[] = [];
  for (const entry of (text ?? "").split(",").map((e) => e.trim())) {
    if (!entry) continue;
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      return { ok: false, entry };
    }
    const bare = url.pathname === "/" && !url.search && !url.hash && !url.username;
    if (!bare || !["http:", "https:"].includes(url.protocol)) return { ok: false, entry };
    origins.push(url.origin);
  }
  return { ok: true, origins };
}
