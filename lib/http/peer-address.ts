import { randomBytes } from "node:crypto";
import { isIP } from "node:net";
import { noTrustedProxies, parseTrustedProxies, type TrustedProxies } from "./trusted-proxies";

/**
 * Next.js gives route handlers and server actions no socket address, and it sets
 * `X-Forwarded-For` from the socket only when the client sent none, so that header is
 * whatever the client says. `instrumentation.ts` therefore stamps every incoming
 * request with this header, `<process token> <socket address> <http|https>`, overwriting
 * anything a client sent; the token (random per process) proves the stamp is ours.
 */
export const peerHeader = "x-purwantara-peer";

const tokenKey = Symbol.for("purwantara.peerToken");
type WithToken = typeof globalThis & { [tokenKey]?: string };

export function peerToken(): string {
  const g = globalThis as WithToken;
  g[tokenKey] ??= randomBytes(16).toString("hex");
  return g[tokenKey];
}

export function peerStamp(address: string | undefined, tls = false): string {
  return `${peerToken()} ${address ?? ""} ${tls ? "https" : "http"}`;
}

/** The socket address stamped on this request, or null if the stamp is absent or forged. */
export function peerAddress(headers: Headers): string | null {
  const [token, address] = (headers.get(peerHeader) ?? "").split(" ");
  if (token !== peerToken() || !address) return null;
  return normalizeAddress(address);
}

/** Whether the socket itself was TLS, by our stamp; null without a genuine stamp. */
function peerTls(headers: Headers): boolean | null {
  const [token, , protocol] = (headers.get(peerHeader) ?? "").split(" ");
  return token === peerToken() ? protocol === "https" : null;
}

/** `::ffff:10.0.0.1` and `10.0.0.1` are the same client. */
export function normalizeAddress(address: string): string {
  const trimmed = address.trim().slice(0, 64);
  return trimmed.startsWith("::ffff:") && trimmed.includes(".") ? trimmed.slice(7) : trimmed;
}

/**
 * The client's address. The socket's, unless the socket peer is a trusted proxy
 * (TRUSTED_PROXIES): then X-Forwarded-For is walked from the right (each proxy appends
 * the address it saw), skipping the trusted proxies, and the first address outside them
 * is the client. Entries left of it were written by the client and are never read; if
 * every entry is a trusted proxy, or one is not an address, the last address reached
 * stands. A client reaching the app port directly is never a trusted peer, so whatever
 * it writes in X-Forwarded-For is ignored.
 */
export function clientAddress(headers: Headers, proxies: TrustedProxies): string | null {
  const peer = peerAddress(headers);
  if (!peer) return null;
  return forwardedChain(headers, proxies, peer).client;
}

/** The client and how many trusted proxies the request passed (0: none believed). */
function forwardedChain(
  headers: Headers,
  proxies: TrustedProxies,
  peer: string,
): { client: string; hops: number } {
  if (!proxies.has(peer)) return { client: peer, hops: 0 };
  const entries = (headers.get("x-forwarded-for") ?? "").split(",");
  let client = peer;
  let hops = 1;
  for (let i = entries.length - 1; i >= 0; i--) {
    const address = forwardedEntryAddress(entries[i] ?? "");
    if (!address) break;
    client = address;
    if (!proxies.has(address)) break;
    hops++;
  }
  return { client, hops };
}

/** One X-Forwarded-For entry as an address ("[2001:db8::1]:443", "192.0.2.1:80" too), or null. */
function forwardedEntryAddress(entry: string): string | null {
  const text = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text)?.[1];
  const withPort = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(text)?.[1];
  const address = normalizeAddress(bracketed ?? withPort ?? text);
  return isIP(address.split("%")[0] ?? "") ? address : null;
}

let parsed: { value: string; proxies: TrustedProxies } | undefined;

/**
 * TRUSTED_PROXIES, parsed once per value. A bad value trusts nobody here; the env
 * schema (lib/env-schema.ts) refuses it with a message when the app starts. Read from
 * process.env because `proxy.ts` and instrumentation cannot import `lib/env.ts`.
 */
export function trustedProxies(
  env: Record<string, string | undefined> = process.env,
): TrustedProxies {
  const value = env.TRUSTED_PROXIES ?? "";
  if (parsed?.value !== value) {
    let proxies = noTrustedProxies;
    try {
      proxies = parseTrustedProxies(value);
    } catch {
      // Refused by the env schema at start; never trust on a value that did not parse.
    }
    parsed = { value, proxies };
  }
  return parsed.proxies;
}

/**
 * Whether the client reached us over HTTPS: X-Forwarded-Proto only from a trusted
 * proxy, else the socket's own transport as stamped. Not the request URL's protocol:
 * Next.js builds it from X-Forwarded-Proto whoever sent it (the URL serves only where
 * no stamp exists).
 */
export function servedOverHttps(headers: Headers, url: string, proxies: TrustedProxies): boolean {
  const peer = peerAddress(headers);
  const { hops } = peer ? forwardedChain(headers, proxies, peer) : { hops: 0 };
  if (hops > 0) {
    const protos = (headers.get("x-forwarded-proto") ?? "").split(",").map((p) => p.trim());
    const proto = protos[protos.length - hops] ?? protos[0];
    if (proto) return proto === "https";
  }
  return peerTls(headers) ?? new URL(url).protocol === "https:";
}

const forwardedHeaderNames = ["x-forwarded-for", "x-forwarded-proto", "forwarded", "x-real-ip"];
let warnedUntrusted = false;

/**
 * Called with each request as it arrives (instrumentation-node.ts), before Next.js adds
 * an X-Forwarded-For of its own. Forwarded headers from a peer that is not a trusted
 * proxy are ignored; the first time, one warning says so: either a client is trying
 * them on, or the app sits behind a proxy missing from TRUSTED_PROXIES (then every
 * client shares the proxy's address, and its sign-in limits).
 */
export function warnOnceIfForwardedUntrusted(
  headers: Record<string, string | string[] | undefined>,
  peer: string | undefined,
  proxies: TrustedProxies = trustedProxies(),
): boolean {
  if (warnedUntrusted) return false;
  const sent = forwardedHeaderNames.filter((name) => headers[name] !== undefined);
  if (sent.length === 0 || (peer && proxies.has(normalizeAddress(peer)))) return false;
  warnedUntrusted = true;
  console.warn(
    `[proxy] ${sent.join(", ")} received from ${peer ? normalizeAddress(peer) : "an unknown peer"}, which is not in TRUSTED_PROXIES: ignored, the socket address counts. Behind a reverse proxy, list its address in TRUSTED_PROXIES. (Said once per process.)`,
  );
  return true;
}
