import { servedOverHttps } from "./peer-address";
import type { TrustedProxies } from "./trusted-proxies";

/**
 * The page's Content-Security-Policy for one request. Scripts: only this origin's files
 * and scripts carrying the nonce (and what those load, 'strict-dynamic'); Next.js puts
 * the nonce on its own scripts when it finds it in the request's CSP header (pages are
 * rendered per request). Styles: this origin's stylesheet plus inline style attributes,
 * which React components (charts, progress bars) set; injected styles cannot run code.
 * Nothing may frame the dashboard, no plugins, no <base> elsewhere, forms post here only.
 */
export function contentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "manifest-src 'self'",
    "worker-src 'self'",
  ].join("; ");
}

/** For JSON and other non-page answers: nothing to run, nothing to frame. */
export const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

export const permissionsPolicy = [
  "camera=()",
  "microphone=()",
  "geolocation=()",
  "payment=()",
  "usb=()",
  "serial=()",
  "hid=()",
  "midi=()",
  "browsing-topics=()",
].join(", ");

/** One year, subdomains included; sent only on answers that came over HTTPS. */
export const strictTransportSecurity = "max-age=31536000; includeSubDomains";

/**
 * HSTS for the answers proxy.ts does not see (route handlers under /api): a header rule
 * for next.config.ts, applied when a proxy in front says the request came over HTTPS
 * (`npm start` itself speaks only HTTP). It needs no trusted hop: browsers ignore HSTS
 * received over plain HTTP (RFC 6797 section 8.1), so a forged header gains nothing.
 */
export const apiStrictTransportRule = {
  source: "/api/:path*",
  has: [{ type: "header", key: "x-forwarded-proto", value: "(?:.*,\\s*)?https(?:\\s*,.*)?" }],
  headers: [{ key: "Strict-Transport-Security", value: strictTransportSecurity }],
} satisfies {
  source: string;
  has: { type: "header"; key: string; value: string }[];
  headers: { key: string; value: string }[];
};

/** Headers every page answer carries besides the CSP (HSTS only over HTTPS). */
export function pageSecurityHeaders(
  requestHeaders: Headers,
  url: string,
  proxies: TrustedProxies,
): Record<string, string> {
  return {
    "Permissions-Policy": permissionsPolicy,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    ...(servedOverHttps(requestHeaders, url, proxies)
      ? { "Strict-Transport-Security": strictTransportSecurity }
      : {}),
  };
}

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
