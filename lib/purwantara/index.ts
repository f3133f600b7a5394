import "server-only";
import { getEnv } from "@/lib/env";
import { PurwantaraClient } from "./client";

/** The client for the configured gateway mode. */
export function getPurwantaraClient(): PurwantaraClient {
  const { baseUrl, token, timeoutMs } = getEnv().gateway;
  return new PurwantaraClient({ baseUrl, token, timeoutMs });
}
