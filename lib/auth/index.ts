import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db/client";
import { sessionLifetimes } from "@/db/queries/sessions";
import { getEnv } from "@/lib/env";
import { authLogger } from "./auth-log";
import { sessionCookieConfig } from "./session-cookie";
import { endOneSession } from "./sessions";
import { signInWithPassword } from "./sign-in";

const credentialsSchema = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(200),
});

/** Thrown past the guessing limit; the login form tells it apart by its code. */
export class LoginRateLimited extends CredentialsSignin {
  override code = "rate_limited";
}

/** Too many failures for this account from unknown addresses: an admin can lift the lock. */
export class AccountLocked extends CredentialsSignin {
  override code = "account_locked";
}

/** Every password-check slot was taken (lib/auth/password-slots.ts): try again in a moment. */
export class SignInBusy extends CredentialsSignin {
  override code = "busy";
}

declare module "@auth/core/jwt" {
  interface JWT {
    sid?: string;
  }
}

declare module "next-auth" {
  interface User {
    sessionId?: string;
  }
  interface Session {
    sessionId?: string;
  }
}

/**
 * Sessions are JWTs carrying the user id and a session id; the `sessions` row decides
 * whether the session is still alive (lib/auth/session.ts reads it on every request),
 * so signing out, changing a password, a disable or a role change ends it at once,
 * and no session outlives its absolute lifetime however often it is used.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  trustHost: true,
  // Read per request, not at import: `next build` imports this without the runtime env.
  ...sessionCookieConfig(getEnv().appUrl),
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: sessionLifetimes.absoluteDays * 24 * 60 * 60 },
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sid = user.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      if (typeof token.sid === "string") session.sessionId = token.sid;
      return session;
    },
  },
  events: {
    // Every way out (the sign-out action, Auth.js's own endpoint) ends the session row.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (typeof token?.sid === "string" && typeof token.sub === "string") {
        const { sid, sub } = token;
        await getDb().transaction((tx) => endOneSession(tx, sub, sid, "sign_out"));
      }
    },
  },
  // One line per error; database errors by their codes only (lib/auth/auth-log.ts).
  logger: authLogger,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      // Every sign-in path (the form's action and Auth.js's own endpoint) comes through here.
      async authorize(input, request) {
        const parsed = credentialsSchema.safeParse(input);
        if (!parsed.success) return null;
        const result = await signInWithPassword({ ...parsed.data, headers: request.headers });
        if (result.status === "limited") {
          throw result.reason === "account" ? new AccountLocked() : new LoginRateLimited();
        }
        if (result.status === "busy") throw new SignInBusy();
        if (result.status === "wrong") return null;
        // A two-factor session exists but is not valid until its code passes.
        return { id: result.userId, sessionId: result.sessionId };
      },
    }),
  ],
}));
