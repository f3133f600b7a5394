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
