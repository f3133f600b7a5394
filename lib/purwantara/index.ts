import "server-only";
import { AppError } from "@/lib/errors";
import { gatewayConfig } from "@/lib/gateway/config";
import { recordGatewayCalls, type GatewayCallContext } from "@/lib/gateway-calls/record";
import type { GatewayMode } from "@purwantara/contract";
import { PurwantaraClient } from "./client";

/**
 * A client for one gateway mode, each call of it in the gateway call log with why it
 * was made; throws when that mode has no credentials.
 */
export async function getPurwantaraClient(
  mode: GatewayMode,
  context: GatewayCallContext,
): Promise<PurwantaraClient> {
  const config = await gatewayConfig(mode);
  if (!config) throw missingCredentials(mode);
  const { baseUrl, token, timeoutMs } = config;
  return new PurwantaraClient({
    baseUrl,
    token,
    timeoutMs,
    onCall: recordGatewayCalls(mode, context),
  });
}

/** No token and callback secret for this mode, in the environment or saved in Settings. */
export function missingCredentials(mode: GatewayMode): AppError {
  return new AppError("unavailable", `no gateway credentials for mode ${mode}`, {
    key: `actions.noCredentials.${mode}`,
  });
}
