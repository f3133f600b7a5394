/**
 * Auth.js's session cookie, named by the scheme of the app's public address (APP_URL).
 * Over HTTPS it is `__Host-`: the browser then keeps it only if it is Secure, has
 * Path=/ and no Domain, so neither a sibling subdomain nor a plain-HTTP page can set
 * or shadow it. On http://localhost (development, the browser tests) a Secure cookie
 * cannot be set, so the plain name is used there.
 */
export const sessionCookieNames = {
  https: "__Host-authjs.session-token",
  http: "authjs.session-token",
} as const;

/** Every name a session cookie may carry (proxy.ts's optimistic check). */
export const anySessionCookie: readonly string[] = Object.values(sessionCookieNames);

/** The `useSecureCookies` and `cookies` options given to Auth.js for this APP_URL. */
export function sessionCookieConfig(appUrl: string) {
  const https = new URL(appUrl).protocol === "https:";
  return {
    useSecureCookies: https,
    cookies: {
      sessionToken: {
        name: https ? sessionCookieNames.https : sessionCookieNames.http,
        options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure: https },
      },
    },
  };
}
