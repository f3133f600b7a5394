/**
 * Errors the app raises on purpose, each with a code, the HTTP status it stands for and
 * the catalogue key a person reads. Every refusal goes through this one path: actions
 * turn it into their state (`toActionState`, lib/actions/protected-action.ts), route
 * handlers into a JSON answer (`toResponse`, lib/http/json-error.ts); domain errors
 * (a refused replay, busy password checks, missing credentials) are AppErrors too.
 * Anything else is unexpected: logged on the server by class and code, shown to people
 * as a short generic message.
 */
export type AppErrorCode =
  | "bad_request"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "validation"
  | "rate_limited"
  | "unavailable";

const httpStatus: Record<AppErrorCode, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  validation: 422,
  rate_limited: 429,
  unavailable: 503,
};

export type Translation = {
  key: string;
  values?: Record<string, string | { key: string }>;
};

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /**
     * What a person reads instead of the English `message`: a key from the root of
     * messages/*.json, with its values; a value given as `{ key }` is itself translated
     * first (a role's name, say). Lib code a job may run knows no request's language.
     */
    readonly translation?: Translation,
  ) {
    super(message);
  }
  get status(): number {
    return httpStatus[this.code];
  }
}

/** A refusal that belongs to one form field: the form shows it beside that field. */
export class FieldError extends AppError {
  override name = "FieldError";
  constructor(
    readonly field: string,
    message: string,
  ) {
    super("validation", message);
  }
}

// Connection-level failures: the database is down or unreachable, not a bad query.
const unavailableCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "57P01",
  "57P03",
  "53300",
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as Error & { code?: unknown }).code;
    if (typeof code === "string" && unavailableCodes.has(code)) return true;
    if (/connection terminated|timeout exceeded when trying to connect/i.test(e.message))
      return true;
  }
  return false;
}

/**
 * The codes of a database error (SQLSTATE such as "42P01", or a socket code such as
 * "ECONNREFUSED"), nearest first; [] for a database error without one; null when
 * `error` is no database error. Logs say these instead of the error: a failed query's
 * message carries its bound parameters (an email, a token) and PostgreSQL's detail can
 * quote the values.
 */
export function databaseErrorCodes(error: unknown): string[] | null {
  let database = false;
  const codes: string[] = [];
  for (const link of errorChain(error)) {
    const { name, code } = link as { name?: unknown; code?: unknown };
    const sqlState = typeof code === "string" && /^[0-9A-Z]{5}$/.test(code);
    // drizzle's wrapper of a failed query, or pg's DatabaseError (a SQLSTATE and a severity).
    if (name === "DrizzleQueryError" || (sqlState && "severity" in link)) database = true;
    if (typeof code === "string" && (sqlState || /^E[A-Z]+$/.test(code))) codes.push(code);
  }
  return database || codes.some((c) => unavailableCodes.has(c)) ? [...new Set(codes)] : null;
}

/** An error and its causes (Auth.js wraps one as `cause.err`), at most 8 deep. */
function errorChain(error: unknown): object[] {
  const chain: object[] = [];
  let link: unknown = error;
  while (link && typeof link === "object" && chain.length < 8 && !chain.includes(link)) {
    chain.push(link);
    const cause: unknown = (link as { cause?: unknown }).cause;
    link = cause && typeof cause === "object" && "err" in cause ? cause.err : cause;
  }
  return chain;
}

export const genericErrorMessage = "Something went wrong on our side. Please try again.";
