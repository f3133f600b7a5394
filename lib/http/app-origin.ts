import "server-only";
import { getEnv } from "@/lib/env";
import { callbackPath } from "@/lib/settings/callback-url";

/**
 * The address people and Purwantara reach the app at: APP_URL, required in production
 * (lib/env-schema.ts), a loopback default in development and tests. Never a request's
 * Host or X-Forwarded-Host: whoever sends the request chooses those, and a link built
 * from them (an invitation, a password reset) would hand its token to their host.
 */
export function appOrigin(): string {
  return getEnv().appUrl;
}

/** Where Purwantara posts callbacks: shown in Settings, and the only test-callback target. */
export function appCallbackUrl(): string {
  return `${appOrigin()}${callbackPath}`;
}
