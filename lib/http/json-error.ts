import { AppError, genericErrorMessage, isDatabaseUnavailable } from "@/lib/errors";
import { errorFacts, logFor } from "@/lib/log";

/** The JSON error body every route handler answers with. */
export function jsonError(status: number, message: string): Response {
  return Response.json({ error: message }, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * Any error a route handler caught, as its answer: an AppError with its own status and
 * words; a database that cannot be reached as 503; anything else logged (class and
 * code, never a query's values) and answered 500 with the generic words.
 */
export function toResponse(error: unknown, scope = "routes"): Response {
  if (error instanceof AppError) return jsonError(error.status, error.message);
  if (isDatabaseUnavailable(error)) return jsonError(503, genericErrorMessage);
  logFor(scope).error({ err: errorFacts(error) }, "route failed");
  return jsonError(500, genericErrorMessage);
}
