import { databaseErrorCodes } from "@/lib/errors";

type AuthLikeError = Error & { type?: string };

/**
 * What Auth.js may print, one line each (its own logger prints whole stacks):
 * - a wrong password (CredentialsSignin): nothing, an everyday event;
 * - a session cookie that does not decrypt (JWTSessionError): forged, damaged or
 *   sealed under another AUTH_SECRET; anyone can send one, so one line, no stack;
 * - a database error: its codes only. Its message holds the statement's bound
 *   parameters (at sign-in, the account's email) and PostgreSQL's detail can quote
 *   values, so neither is printed;
 * - anything else: the line, then the underlying error in full for debugging.
 */
export function authErrorLog(error: AuthLikeError): { line: string; detail?: unknown } | null {
  // Told apart by Auth.js's `type` (subclasses such as LoginRateLimited keep it).
  const type = error.type ?? error.name;
  if (type === "CredentialsSignin") return null;
  if (type === "JWTSessionError") {
    return {
      line: "[auth] JWTSessionError: a session cookie could not be decrypted (forged, damaged, or sealed with another AUTH_SECRET); treated as signed out",
    };
  }
  const codes = databaseErrorCodes(error);
  if (codes) return { line: `[auth] ${type}: database error (${codes.join(", ") || "no code"})` };
  const cause = error.cause as { err?: unknown } | undefined;
  return { line: `[auth] ${type}`, detail: cause?.err ?? error };
}

/** The `logger` of the Auth.js config (lib/auth/index.ts). */
export const authLogger = {
  error(error: Error) {
    const log = authErrorLog(error);
    if (!log) return;
    if (log.detail === undefined) console.error(log.line);
    else console.error(log.line, log.detail);
  },
};
