import { createHash, timingSafeEqual } from "node:crypto";
import { normalizeAddress, peerAddress } from "@/lib/http/peer-address";

export type MetricsAccess = { ok: true } | { ok: false; status: 401 | 403 };

const digest = (value: string) => createHash("sha256").update(value).digest();

function isLoopback(address: string | null): boolean {
  return address === "::1" || (address?.startsWith("127.") ?? false);
}

/**
 * Whether the request came from this machine and through no proxy that serves others.
 * Next.js fills X-Forwarded-For with the socket's address when the client sent none,
 * so every address a proxy may have named (X-Forwarded-For, X-Real-IP) must be
 * loopback too, and a `Forwarded` header is never from a local caller.
 */
function cameFromLoopback(headers: Headers): boolean {
  if (headers.has("forwarded")) return false;
  const named = [
    ...(headers.get("x-forwarded-for") ?? "").split(","),
    headers.get("x-real-ip") ?? "",
  ]
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map(normalizeAddress);
  return isLoopback(peerAddress(headers)) && named.every(isLoopback);
}

/**
 * Who may read /api/metrics. With METRICS_TOKEN set: a caller sending it as a Bearer
 * token (compared in constant time), anyone else 401. Without one: only a caller on
 * this machine's loopback that no proxy forwarded for someone else, anyone else 403.
 */
export function metricsAccess(headers: Headers, token: string | undefined): MetricsAccess {
  if (token) {
    const sent = /^Bearer (.+)$/.exec(headers.get("authorization") ?? "")?.[1] ?? "";
    return timingSafeEqual(digest(sent), digest(token)) ? { ok: true } : { ok: false, status: 401 };
  }
  return cameFromLoopback(headers) ? { ok: true } : { ok: false, status: 403 };
}
