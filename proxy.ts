import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/config";

// Optimistic check only (a session cookie exists); every page, action and route
// handler checks the user against the database itself.
export const { auth: proxy } = NextAuth(authConfig);

export const config = {
  // Not route handlers under /api (each answers 401 itself), not static files.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico)$).*)"],
};
