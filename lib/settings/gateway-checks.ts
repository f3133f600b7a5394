import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { gatewayConfig } from "@/lib/gateway/config";
import { recordGatewayCalls } from "@/lib/gateway-calls/record";
import { appCallbackUrl } from "@/lib/http/app-origin";
import { PurwantaraClient } from "@/lib/purwantara/client";
import { callbackHeaders, type GatewayMode } from "@purwantara/contract";
import { PurwantaraError } from "@/lib/purwantara/errors";
import { signCallbackBody } from "@purwantara/contract/signature";

export type ConnectionVerdict =
  | { verdict: "accepted" }
  | { verdict: "refused"; httpStatus: number | null }
  | { verdict: "unreachable" }
  | { verdict: "unexpected"; httpStatus: number | null }
  | { verdict: "not_configured" };

/**
 * "Test connection": one cheap authenticated read (the VA list) with the mode's
 * token in effect. 401/403 mean the token is refused; no answer means unreachable.
 */
export async function testGatewayConnection(mode: GatewayMode): Promise<ConnectionVerdict> {
  const config = await gatewayConfig(mode);
  if (!config) return { verdict: "not_configured" };
  const client = new PurwantaraClient({
    baseUrl: config.baseUrl,
    token: config.token,
    timeoutMs: Math.min(config.timeoutMs, 10_000),
    onCall: recordGatewayCalls(mode, { trigger: "test_connection", transactionId: null }),
  });
  try {
    await client.get("virtual-account/list", z.unknown());
    return { verdict: "accepted" };
  } catch (error) {
    if (!(error instanceof PurwantaraError)) throw error;
    if (error.kind === "auth" || error.kind === "forbidden")
      return { verdict: "refused", httpStatus: error.httpStatus };
    if (error.kind === "timeout" || error.kind === "network") return { verdict: "unreachable" };
    return { verdict: "unexpected", httpStatus: error.httpStatus };
  }
}

export type TestCallbackVerdict =
  /** Our route verified the signature with the mode's secret and recorded the delivery. */
  | { verdict: "received"; deliveryId: string }
  | { verdict: "signature_refused"; deliveryId: string }
  | { verdict: "unreachable" }
  | { verdict: "unexpected"; httpStatus: number }
  | { verdict: "not_configured" };

/**
 * "Send a test callback": signs a small test body with the mode's current secret and
 * posts it to this app's own callback address. It is not a payment, so the route
 * verifies it and records it as "not a callback" (HTTP 400) without touching any
 * transaction; a 401 means the secret in effect is not the one the route accepts.
 * It proves the secret and the route on this server, not that Purwantara can reach it.
 * The target is always APP_URL's callback route (a loopback address outside
 * production), never an address a caller or a request header names.
 */
export async function sendTestCallback(mode: GatewayMode): Promise<TestCallbackVerdict> {
  const config = await gatewayConfig(mode);
  const secret = config?.callbackSecrets.find((s) => s.slot === "current")?.secret;
  if (!secret) return { verdict: "not_configured" };
  const deliveryId = `dashboard-test-${randomUUID()}`;
  const body = JSON.stringify({
    dashboard_test: true,
    mode,
    sent_at: new Date().toISOString(),
  });
  let response: Response;
  try {
    response = await fetch(appCallbackUrl(), {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "User-Agent": callbackHeaders.userAgent,
        [callbackHeaders.signature]: signCallbackBody(body, secret),
        [callbackHeaders.delivery]: deliveryId,
      },
      body,
      signal: AbortSignal.timeout(10_000),
      cache: "no-store",
      redirect: "manual",
    });
  } catch {
    return { verdict: "unreachable" };
  }
  if (response.status === 400) return { verdict: "received", deliveryId };
  if (response.status === 401) return { verdict: "signature_refused", deliveryId };
  return { verdict: "unexpected", httpStatus: response.status };
}
