/**
 * Errors the app raises on purpose, each with the HTTP status it stands for. Anything
 * else is unexpected: logged in full on the server, shown to people as a short
 * generic message.
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

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /**
     * For errors raised where no request's language is known (lib code a job may run):
     * a key under `actions` in messages/*.json, which an action shows instead of the
     * English `message`.
     */
    readonly translation?: { key: string; values?: Record<string, string> },
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

export const genericErrorMessage = "Something went wrong on our side. Please try again.";
