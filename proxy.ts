import { NextResponse, type NextRequest } from "next/server";

/** Paths anyone may open; everything else needs a session. */
const publicPaths = ["/login", "/setup", "/invite", "/manifest.webmanifest"];
// Auth.js's session cookie; `__Secure-` prefixed when served over HTTPS.
const sessionCookies = ["authjs.session-token", "__Secure-authjs.session-token"];

/**
 * An optimistic check only (is there a session cookie at all?), to send visitors to
 * /login before rendering anything. Every page, action and route handler verifies
 * the session and re-reads the user from the database itself.
 */
export function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  if (publicPaths.some((p) => path === p || path.startsWith(`${p}/`))) return NextResponse.next();
  if (sessionCookies.some((name) => request.cookies.has(name))) return NextResponse.next();
  const login = new URL("/login", request.url);
  if (path !== "/") login.searchParams.set("next", path);
  return NextResponse.redirect(login);
}

export const config = {
  // Not route handlers under /api (each answers 401 itself), not static files.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico)$).*)"],
};
