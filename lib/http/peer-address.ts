import { randomBytes } from "node:crypto";

/**
 * Next.js gives route handlers and server actions no socket address, and it sets
 * `X-Forwarded-For` from the socket only when the client sent none, so that header is
 * whatever the client says. `instrumentation.ts` therefore stamps every incoming
 * request with this header, `<process token> <socket address>`, overwriting anything a
 * client sent; the token (random per process) proves the stamp is ours.
 */
export const peerHeader = "x-purwantara-peer";

const tokenKey = Symbol.for("purwantara.peerToken");
type WithToken = typeof globalThis & { [tokenKey]?: string };

export function peerToken(): string {
  const g = globalThis as WithToken;
  g[tokenKey] ??= randomBytes(16).toString("hex");
  return g[tokenKey];
}

export function peerStamp(address: string | undefined): string {
  return `${peerToken()} ${address ?? ""}`;
}

/** The socket address stamped on this request, or null if the stamp is absent or forged. */
export function peerAddress(headers: Headers): string | null {
  const [token, address] = (headers.get(peerHeader) ?? "").split(" ");
  if (token !== peerToken() || !address) return null;
  return normalizeAddress(address);
}

/** `::ffff:10.0.0.1` and `10.0.0.1` are the same client. */
export function normalizeAddress(address: string): string {
  const trimmed = address.trim().slice(0, 64);
  return trimmed.startsWith("::ffff:") && trimmed.includes(".") ? trimmed.slice(7) : trimmed;
}

/**
 * The client's address: with 0 trusted proxy hops the socket's address; with N, the
 * Nth entry from the right of X-Forwarded-For (each trusted proxy appends the address
 * it saw). Entries a client wrote itself sit further left and are never read. Too few
 * entries means the request did not come through the proxies: the socket address.
 */
export function clientAddress(headers: Headers, trustedHops: number): string | null {
  if (trustedHops <= 0) return peerAddress(headers);
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  const entry = entries[entries.length - trustedHops];
  return entry ? normalizeAddress(entry) : peerAddress(headers);
}

/** TRUSTED_PROXY_HOPS: how many proxies in front of the app append X-Forwarded-For (default 0). */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const hops = Number(env.TRUSTED_PROXY_HOPS ?? 0);
  return Number.isInteger(hops) && hops >= 0 && hops <= 10 ? hops : 0;
}

/** Whether the client reached us over HTTPS, by the same trust rule as the address. */
export function servedOverHttps(headers: Headers, url: string, trustedHops: number): boolean {
  if (trustedHops > 0) {
    const protos = (headers.get("x-forwarded-proto") ?? "").split(",").map((p) => p.trim());
    const proto = protos[protos.length - trustedHops] ?? protos[0];
    if (proto) return proto === "https";
  }
  return new URL(url).protocol === "https:";
}
