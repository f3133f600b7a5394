import "server-only";
import { gatewayConfig } from "@/lib/gateway/config";
import type { GatewayMode } from "./contract";
import { PurwantaraClient } from "./client";

/** A client for one gateway mode; throws when that mode has no credentials. */
export async function getPurwantaraClient(mode: GatewayMode): Promise<PurwantaraClient> {
  const config = await gatewayConfig(mode);
  if (!config) throw new Error(`no gateway credentials for mode ${mode}`);
  const { baseUrl, token, timeoutMs } = config;
  return new PurwantaraClient({ baseUrl, token, timeoutMs });
}
