import { DatabaseDeadlineError } from "@/db/client";
import { isDatabaseUnavailable } from "@/lib/errors";

// Worth a retry by the sender: the database was slow, locked or busy, not the body.
const retryCodes = new Set([
  "57014", // statement_timeout (query_canceled)
  "55P03", // lock_timeout (lock_not_available)
  "25P03", // idle_in_transaction_session_timeout
  "40001", // serialization_failure
  "40P01", // deadlock_detected
]);

function* causes(error: unknown): Generator<Error> {
  for (let e: unknown = error; e instanceof Error; e = e.cause) yield e;
}

function codeOf(error: Error): string | undefined {
  const code = (error as Error & { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/** True when the database, not the delivery, is why it could not be applied now. */
export function shouldRetryLater(error: unknown): boolean {
  if (isDatabaseUnavailable(error)) return true;
  for (const e of causes(error)) {
    if (e instanceof DatabaseDeadlineError) return true;
    const code = codeOf(e);
    if (code && retryCodes.has(code)) return true;
  }
  return false;
}

/**
 * Logs a webhook failure by delivery id, error class and code only: query errors carry
 * their parameters (the payload, buyer email and phone included), so no message is logged.
 */
export function logSafeError(what: string, deliveryId: string | null, error: unknown): void {
  const chain = [...causes(error)].map((e) => [e.name, codeOf(e)].filter(Boolean).join(" "));
  console.error(what, { deliveryId, error: chain.join(" <- ") || typeof error });
}
