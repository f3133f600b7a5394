import "server-only";
import { logFor } from "@/lib/log";
import { countCallback } from "@/lib/ops/metrics";
import { callbackHeaders } from "@purwantara/contract";
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
 * Watches one callback request from the route: counted by outcome with its time to
 * answer (lib/ops/metrics.ts) and one log line (delivery id, outcome, milliseconds; the
 * request id comes with it). The mode is decided inside the ingest and is not in the
 * answer: per-mode counts come from the database (purwantara_callback_deliveries_recent).
 */
export async function observeCallback(
  request: Request,
  answer: Promise<CallbackAnswer>,
): Promise<CallbackAnswer> {
  const started = performance.now();
  const deliveryId = deliveryIdOf(request);
  try {
    const result = await answer;
    const seconds = (performance.now() - started) / 1000;
    const outcome = callbackOutcome(result);
    countCallback(outcome, seconds);
    log.info({ deliveryId, outcome, ms: Math.round(seconds * 1000) }, "callback answered");
    return result;
  } catch (error) {
    const seconds = (performance.now() - started) / 1000;
    countCallback("error", seconds);
    log.error({ deliveryId, ms: Math.round(seconds * 1000) }, "callback failed");
    throw error;
  }
}
