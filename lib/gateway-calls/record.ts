import "server-only";
import { insertGatewayCall } from "@/db/queries/gateway-calls";
import { errorFacts, logFor } from "@/lib/log";
import { countGatewayCall } from "@/lib/ops/metrics";
import type { GatewayCallReport } from "@/lib/purwantara/client";
import type { GatewayMode } from "@purwantara/contract";
import { endpointOf, redactGatewayBody } from "./redact";
import type { GatewayCallTrigger } from "@/lib/core/gateway-calls";

/** Why a client is made: recorded with each of its calls. */
export type GatewayCallContext = {
  trigger: GatewayCallTrigger;
  /** The payment the call is about, if any. */
  transactionId: string | null;
};

/**
 * The client's `onCall` for the gateway call log: each call a row, redacted, and counted
 * in the metrics (`purwantara_gateway_calls_total`, `_seconds`). A failed
 * insert is logged and forgotten: the log never stands between a payment and Purwantara.
 */
export function recordGatewayCalls(
  mode: GatewayMode,
  context: GatewayCallContext,
): (call: GatewayCallReport) => Promise<void> {
  return async (call) => {
    const endpoint = endpointOf(call.path);
    countGatewayCall({ mode, endpoint, ...call });
    try {
      await insertGatewayCall({
        mode,
        calledAt: call.startedAt,
        method: call.method,
        endpoint,
        path: call.path.slice(0, 500),
        httpStatus: call.httpStatus,
        outcome: call.outcome,
        latencyMs: call.latencyMs,
        trigger: context.trigger,
        transactionId: context.transactionId,
        request: redactGatewayBody(call.requestBody),
        response: redactGatewayBody(call.responseBody),
      });
    } catch (error) {
      logFor("gateway").error(
        { mode, endpoint, err: errorFacts(error) },
        "gateway call not recorded",
      );
    }
  };
}
