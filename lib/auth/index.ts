import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getUserByEmail } from "@/db/queries/users";
import { recordLoginAttempt } from "@/db/queries/login-attempts";
import { clientIp, isLoginBlocked } from "./login-limits";
import { verifyPassword } from "./password";

const credentialsSchema = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(200),
});

/** Thrown past the guessing limit; the login form tells it apart by its code. */
export class LoginRateLimited extends CredentialsSignin {
  override code = "rate_limited";
}

/**
 * Sessions are JWTs carrying only the user id; pages, actions and route handlers
 * re-read the user from the database on every request (./session.ts).
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
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
  logger: {
    // A wrong password is an everyday event, not a server error worth a stack trace.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error("[auth]", error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      // Every sign-in path (the form's action and Auth.js's own endpoint) comes through here.
      async authorize(input, request) {
        const parsed = credentialsSchema.safeParse(input);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const ip = clientIp(request.headers);
        if (await isLoginBlocked(email, ip)) throw new LoginRateLimited();
        const user = await getUserByEmail(email);
        const ok =
          (await verifyPassword(password, user?.passwordHash ?? null)) && !user?.disabledAt;
        await recordLoginAttempt(email, ip, ok);
        return ok && user ? { id: user.id, email: user.email, name: user.name } : null;
      },
    }),
  ],
});
