import type { NextAuthConfig } from "next-auth";

/** Paths anyone may open; everything else needs a session. */
const publicPaths = ["/login", "/setup"];

/**
 * The part of the Auth.js configuration that needs no database, shared by the
 * proxy (an optimistic redirect to /login) and the full setup in `./index.ts`.
 * The proxy only reads the session cookie; pages, actions and route handlers
 * re-check the user against the database on every request.
 */
export const authConfig = {
  trustHost: true,
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  providers: [],
  callbacks: {
    authorized({ auth, request }) {
      const path = request.nextUrl.pathname;
      if (publicPaths.some((p) => path === p || path.startsWith(`${p}/`))) return true;
      return Boolean(auth?.user);
    },
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
} satisfies NextAuthConfig;
