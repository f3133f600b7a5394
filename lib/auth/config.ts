import type { NextAuthConfig } from "next-auth";

/**
 * The part of the Auth.js configuration that needs no database. Sessions are JWTs
 * carrying only the user id; pages, actions and route handlers re-read the user
 * from the database on every request (lib/auth/session.ts).
 */
export const authConfig = {
  trustHost: true,
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  providers: [],
  callbacks: {
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
