import "server-only";
import { getEnv } from "@/lib/env";

/**
 * The address people and Purwantara reach the app at: APP_URL when configured (it
 * should be, behind a proxy), else the origin this request came to.
 */
export function appOrigin(headers: Headers): string {
  const configured = getEnv().appUrl;
  if (configured) return configured.replace(/\/+$/, "");
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "127.0.0.1:3000";
  const proto =
    headers.get("x-forwarded-proto") ?? (/^(127\.|localhost)/.test(host) ? "http" : "https");
  return `${proto.split(",")[0]!.trim()}://${host.split(",")[0]!.trim()}`;
}

/**
 * The origin put in links that are emailed (password resets): APP_URL, or outside
 * production the request's origin. Never a production request's Host header, which a
 * stranger chooses: a reset link to their host would hand them the token. Null when
 * production has no APP_URL (no such link is sent then).
 */
export function emailLinkOrigin(headers: Headers): string | null {
  const env = getEnv();
  if (env.appUrl) return env.appUrl.replace(/\/+$/, "");
  return env.nodeEnv === "production" ? null : appOrigin(headers);
}
