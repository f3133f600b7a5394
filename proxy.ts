import { NextResponse, type NextRequest } from "next/server";
import { requestPathHeader } from "@/lib/auth/next-path";
import { anySessionCookie } from "@/lib/auth/session-cookie";
import { trustedProxies } from "@/lib/http/peer-address";
import { contentSecurityPolicy, newNonce, pageSecurityHeaders } from "@/lib/http/security-headers";

/** Paths anyone may open; everything else needs a session. */
const publicPaths = [
  "/login",
  "/setup",
  "/invite",
  "/forgot-password",
  "/reset-password",
  "/manifest.webmanifest",
];

/** The page's path and query, without the client router's cache-busting `_rsc`. */
function pagePath(request: NextRequest): string {
  const params = new URLSearchParams(request.nextUrl.searchParams);
  params.delete("_rsc");
  const query = params.toString();
  return `${request.nextUrl.pathname}${query ? `?${query}` : ""}`;
}

/**
 * For every page: a fresh CSP nonce (Next.js reads it from the request's CSP header and
 * puts it on its scripts) and the security headers. Then an optimistic check only (is
 * there a session cookie at all?), to send visitors to /login before rendering
 * anything: every page, action and route handler verifies the session itself.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const headers = pageSecurityHeaders(request.headers, request.url, trustedProxies());
  const path = request.nextUrl.pathname;
  const isPublic = publicPaths.some((p) => path === p || path.startsWith(`${p}/`));
  let response: NextResponse;
  if (isPublic || anySessionCookie.some((name) => request.cookies.has(name))) {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("content-security-policy", csp);
    requestHeaders.set("x-nonce", nonce);
    // Where this page request was going: a page whose session turns out to have ended
    // sends the person to sign in and back here (lib/auth/session.ts). Set here, always,
    // so a browser cannot supply its own.
    requestHeaders.set(requestPathHeader, pagePath(request));
    response = NextResponse.next({ request: { headers: requestHeaders } });
  } else {
    const login = new URL("/login", request.url);
    if (path !== "/") login.searchParams.set("next", path);
    response = NextResponse.redirect(login);
  }
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Not route handlers under /api (each answers 401 itself), not static files.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico)$).*)"],
};
