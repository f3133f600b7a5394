import "server-only";
import { logFor } from "@/lib/log";
import { callbackHeaders } from "@/lib/purwantara/contract";
import type { CallbackAnswer } from "@/lib/webhooks/ingest";

const log = logFor("callbacks");

/** The answer as one word: the decision's outcome when applied inline, else the answer's kind. */
export function callbackOutcome(answer: CallbackAnswer): string {
  return answer.kind === "applied" ? answer.outcome : answer.kind;
}

/** Purwantara's delivery id as logged: an id, or nothing if it is not one. */
function deliveryIdOf(request: Request): string | undefined {
  const value = request.headers.get(callbackHeaders.delivery)?.trim();
  return value && /^[\w.:-]{1,100}$/.test(value) ? value : undefined;
}

/**
 * Watches one callback request from the route: one log line (delivery id, outcome,
 * time to answer; the request id comes with it). The mode is not in the answer, so it
 * is not here either.
 */
export async function observeCallback(
  request: Request,
  answer: Promise<CallbackAnswer>,
): Promise<CallbackAnswer> {
  const started = performance.now();
  const deliveryId = deliveryIdOf(request);
  try {
    const result = await answer;
    const ms = Math.round(performance.now() - started);
    log.info({ deliveryId, outcome: callbackOutcome(result), ms }, "callback answered");
    return result;
  } catch (error) {
    log.error({ deliveryId, ms: Math.round(performance.now() - started) }, "callback failed");
    throw error;
  }
}
