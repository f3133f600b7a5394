import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { GatewayErrorCode } from "@purwantara/contract";
import { productModules } from "./channels";
import { channelListRoute } from "./channels/channel-list";
import type { ApiContext, ApiHandler, ApiResult } from "./channels/types";
import { errorEnvelope, parseRequestBody, sendPhpJson, successEnvelope } from "./http";
import { matchRoute, subPath, type Route } from "./router";

export const apiPrefix = "/v1/";

/** Faults the test controls inject into `/v1/`; in memory only. */
export interface ApiFaults {
  failNext: { count: number; status: number };
  latencyMs: number;
}

export interface ApiDeps extends ApiContext {
  token: string;
  faults: ApiFaults;
}

const routes: readonly Route<ApiHandler>[] = [
  ...productModules.flatMap((m) => m.routes),
  channelListRoute,
];

function sha256(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

/** Hashing first gives equal lengths, so the comparison takes the same time for any guess. */
function hasToken(req: IncomingMessage, token: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "");
  return match?.[1] !== undefined && timingSafeEqual(sha256(match[1].trim()), sha256(token));
}

function failure(status: number, code: GatewayErrorCode, message: string): ApiResult {
  return { status, code, message };
}

function takeInjectedFailure(faults: ApiFaults): ApiResult | null {
  if (faults.failNext.count <= 0) return null;
  faults.failNext.count -= 1;
  const { status } = faults.failNext;
  const code = status === 429 ? "RATE_LIMITED" : "SERVER_ERROR";
  return failure(
    status,
    code,
    `Injected failure (HTTP ${status}) from the emulator's fail-next control.`,
  );
}

async function resolve(req: IncomingMessage, path: string, deps: ApiDeps): Promise<ApiResult> {
  const injected = takeInjectedFailure(deps.faults);
  if (injected) return injected;
  if (!hasToken(req, deps.token)) return failure(401, "UNAUTHENTICATED", "Unauthenticated.");
  const method = req.method ?? "GET";
  const match = matchRoute(routes, method, path);
  if (match.kind === "not-found")
    return failure(404, "NOT_FOUND", "The requested resource was not found.");
  if (match.kind === "method-not-allowed") {
    // The error codes have no entry for 405; the message is Laravel's.
    const message = `The ${method} method is not supported for this route. Supported methods: ${match.allowed.join(", ")}.`;
    return failure(405, "NOT_FOUND", message);
  }
  if (method !== "POST") return match.handler(deps, { params: match.params, fields: {} });
  const body = await parseRequestBody(req);
  if (!body.ok) return failure(body.status, "VALIDATION_ERROR", body.message);
  return match.handler(deps, { params: match.params, fields: body.fields });
}

function envelope(result: ApiResult) {
  if ("data" in result) return successEnvelope(result.status, result.data);
  return errorEnvelope(result.status, result.code, result.message, result.fields);
}

/** Serves `/v1/...`: injected faults, then the Bearer token, then the route. */
export async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: ApiDeps,
): Promise<void> {
  const result = await resolve(req, subPath(url.pathname, apiPrefix), deps);
  // Latency comes after the work, so a client that times out leaves a transaction
  // it never heard about, the case its retry logic has to survive.
  if (deps.faults.latencyMs > 0) await new Promise((r) => setTimeout(r, deps.faults.latencyMs));
  sendPhpJson(res, result.status, envelope(result));
}
