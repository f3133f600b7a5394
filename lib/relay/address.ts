import { lookup, type LookupAddress, type LookupOptions } from "node:dns";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

/**
 * Where the relay may send (an admin types the URL, so it is an SSRF risk): http(s)
 * without credentials; in production only https to public addresses, checked when the
 * URL is saved and again on every connection (a name may resolve elsewhere later).
 */
export type RelayUrlRefusal = "invalid" | "notHttps" | "privateAddress";

/** Only public unicast addresses (IPv4-mapped IPv6 read as IPv4). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === "unicast";
}

const localNames = /(^|\.)(localhost|local|internal|localdomain)$/i;

/** Why `value` may not be a relay endpoint, or null when it may. */
export function relayUrlRefusal(
  value: string,
  rules: { allowPrivate: boolean },
): RelayUrlRefusal | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "invalid";
  }
  if (url.username || url.password) return "invalid";
  if (url.protocol !== "https:" && url.protocol !== "http:") return "invalid";
  if (rules.allowPrivate) return null;
  if (url.protocol !== "https:") return "notHttps";
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) return isPublicAddress(host) ? null : "privateAddress";
  return localNames.test(host) ? "privateAddress" : null;
}

export class PrivateAddressError extends Error {
  override name = "PrivateAddressError";
  readonly code = "ERELAYPRIVATE";
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `dns.lookup` for http(s).request that refuses a name resolving to any address
 * that is not public, so the connection goes only where the check allowed.
 */
export function publicOnlyLookup(
  hostname: string,
  options: LookupOptions,
  callback: LookupCallback,
): void {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const refused = addresses.find((a) => !isPublicAddress(a.address));
    if (refused || addresses.length === 0) {
      return callback(new PrivateAddressError(`${hostname} resolves to a private address`), []);
    }
    if (options.all) return callback(null, addresses);
    const [first] = addresses;
    callback(null, first!.address, first!.family);
  });
}
