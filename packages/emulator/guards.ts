import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** The header the /control routes need when the emulator runs with a control token. */
export const controlTokenHeader = "x-emulator-control-token";

/** True when the request carries the control token (or none is configured: in-process tests). */
export function hasControlToken(req: IncomingMessage, expected: string | undefined): boolean {
  if (!expected) return true;
  const given = req.headers[controlTokenHeader];
  if (typeof given !== "string") return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A POST to the simulator or a hosted page must come from the emulator's own pages: a
 * browser says where a form was posted from (Origin, else Sec-Fetch-Site), and another
 * site's page is refused. Clients that send neither (curl, tests) are not browsers.
 */
export function isSameOriginPost(req: IncomingMessage, ownOrigins: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (typeof origin === "string" && origin !== "null") return ownOrigins.includes(origin);
  if (origin === "null") return false;
  const site = req.headers["sec-fetch-site"];
  return site === undefined || site === "same-origin" || site === "none";
}

/**
 * Sent with every answer: no page of the emulator may be framed (its Pay and Settle
 * buttons are clickjacking targets), and no answer is sniffed as another type. The
 * referrer stays on the emulator's own pages: `same-origin`, not `no-referrer`, under
 * which a browser sends `Origin: null` with its own form posts and the buttons above
 * would refuse them.
 */
export const securityHeaders = {
  "x-frame-options": "DENY",
  "content-security-policy": "frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
} as const;

const wildcardOrLoopback = /^(0\.0\.0\.0|::|127\.\d+\.\d+\.\d+|::1|localhost)$/;

/**
 * The Host values the emulator answers to: its loopback address and port (when it
 * listens there, or on every interface) and its public URL's host. A page on another
 * site whose name resolves to 127.0.0.1 (DNS rebinding) sends its own name as Host,
 * and is refused, so it can neither read the simulator nor use its buttons.
 */
export function ownHosts(bindHost: string, port: number, publicUrl: string): Set<string> {
  const hosts = new Set([new URL(publicUrl).host.toLowerCase()]);
  if (wildcardOrLoopback.test(bindHost)) {
    for (const name of ["127.0.0.1", "localhost", "[::1]"]) hosts.add(`${name}:${port}`);
  } else {
    hosts.add(`${bindHost.includes(":") ? `[${bindHost}]` : bindHost}:${port}`.toLowerCase());
  }
  return hosts;
}

export function isOwnHost(req: IncomingMessage, hosts: ReadonlySet<string>): boolean {
  const host = req.headers.host;
  return typeof host === "string" && hosts.has(host.toLowerCase());
}
