import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApiFaults } from "./api";
import { productModule } from "./channels";
import { parseRequestBody, sendJson, type Fields } from "./http";
import {
  applyTransition,
  isTransitionName,
  redeliver,
  type LifecycleDeps,
  type TransitionResult,
} from "./lifecycle";
import { matchRoute, subPath, type Route } from "./router";
import type { Transaction } from "./types";

export const controlPrefix = "/control/";

export interface ControlDeps extends LifecycleDeps {
  faults: ApiFaults;
}

interface Reply {
  status: number;
  body: unknown;
}

type ControlHandler = (deps: ControlDeps, params: string[], fields: Fields, url: URL) => Reply;

/** The API's view of a transaction, plus its product, which the API leaves implicit. */
export function controlView(tx: Transaction): Record<string, unknown> {
  return { product: tx.product, ...(productModule(tx.product)?.view(tx) ?? {}) };
}

function fromTransition(result: TransitionResult): Reply {
  if (!result.ok)
    return { status: result.reason === "not-found" ? 404 : 409, body: { error: result.message } };
  return {
    status: 200,
    body: {
      transaction: controlView(result.transaction),
      deliveryId: result.deliveryId,
      callback: result.callbackDropped ? "dropped" : "queued",
    },
  };
}

const optionalString = (value: unknown): string | undefined =>
  typeof value === "string" ? value : undefined;

function transition(deps: ControlDeps, [uuid = "", name = ""]: string[], fields: Fields): Reply {
  if (!isTransitionName(name)) return { status: 404, body: { error: `Unknown action ${name}.` } };
  const phone = fields.customer_phone;
  const paidWith = {
    channel: optionalString(fields.channel),
    customerPhone: typeof phone === "string" || phone === null ? phone : undefined,
  };
  return fromTransition(applyTransition(deps, uuid, name, paidWith));
}

function resend(deps: ControlDeps, [uuid = ""]: string[], fields: Fields): Reply {
  const options = {
    sameDeliveryId: fields.sameDeliveryId === true,
    deliveryId: optionalString(fields.deliveryId),
  };
  return fromTransition(redeliver(deps, uuid, options));
}

function getOne(deps: ControlDeps, [uuid = ""]: string[]): Reply {
  const tx = deps.store.getTransaction(uuid);
  if (!tx) return { status: 404, body: { error: `No transaction ${uuid}.` } };
  return { status: 200, body: { transaction: controlView(tx) } };
}

const badRequest = (error: string): Reply => ({ status: 400, body: { error } });

function integerOr(value: unknown, fallback: number): number | null {
  if (value === undefined) return fallback;
  return typeof value === "number" && Number.isInteger(value) ? value : null;
}

function setFailNext(deps: ControlDeps, _params: string[], fields: Fields): Reply {
  const count = integerOr(fields.count, 1);
  const status = integerOr(fields.status, 503);
  if (count === null || count < 0) return badRequest("count must be a non-negative integer.");
  if (status === null || status < 400 || status > 599) {
    return badRequest("status must be an HTTP error status, 400 to 599.");
  }
  deps.faults.failNext = { count, status };
  return { status: 200, body: { failNext: deps.faults.failNext } };
}

function setLatency(deps: ControlDeps, _params: string[], fields: Fields): Reply {
  const ms = integerOr(fields.ms, -1);
  if (ms === null || ms < 0 || ms > 600_000)
    return badRequest("ms must be an integer, 0 to 600000.");
  deps.faults.latencyMs = ms;
  return { status: 200, body: { latencyMs: ms } };
}

function dropCallbacks(deps: ControlDeps, _params: string[], fields: Fields): Reply {
  const count = integerOr(fields.count, 1);
  if (count === null || count < 0) return badRequest("count must be a non-negative integer.");
  if (fields.uuid !== undefined && typeof fields.uuid !== "string")
    return badRequest("uuid must be a transaction uuid.");
  deps.callbacks.drops.set(count, fields.uuid);
  return { status: 200, body: { dropCallbacks: deps.callbacks.drops.counts() } };
}

function reset(deps: ControlDeps): Reply {
  deps.callbacks.cancelAll();
  deps.callbacks.drops.clear();
  deps.store.reset();
  deps.faults.failNext = { count: 0, status: 503 };
  deps.faults.latencyMs = 0;
  return { status: 200, body: { ok: true } };
}

const routes: readonly Route<ControlHandler>[] = [
  {
    method: "GET",
    pattern: /^transactions$/,
    handler: (deps) => ({
      status: 200,
      body: { transactions: deps.store.listTransactions().map(controlView) },
    }),
  },
  { method: "GET", pattern: /^transactions\/([^/]+)$/, handler: getOne },
  { method: "POST", pattern: /^transactions\/([^/]+)\/redeliver$/, handler: resend },
  { method: "POST", pattern: /^transactions\/([^/]+)\/([a-z]+)$/, handler: transition },
  {
    method: "GET",
    pattern: /^deliveries$/,
    handler: (deps, _p, _f, url) => {
      const uuid = url.searchParams.get("uuid") || undefined;
      return { status: 200, body: { deliveries: deps.store.listDeliveries(uuid) } };
    },
  },
  { method: "POST", pattern: /^fail-next$/, handler: setFailNext },
  { method: "POST", pattern: /^latency$/, handler: setLatency },
  { method: "POST", pattern: /^drop-callbacks$/, handler: dropCallbacks },
  {
    method: "GET",
    pattern: /^drop-callbacks$/,
    handler: (deps) => ({
      status: 200,
      body: { dropCallbacks: deps.callbacks.drops.counts() },
    }),
  },
  { method: "POST", pattern: /^reset$/, handler: reset },
];

/** Serves `/control/...`: plain JSON, no auth, for tests to drive the emulator. */
export async function handleControl(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: ControlDeps,
): Promise<void> {
  const match = matchRoute(routes, req.method ?? "GET", subPath(url.pathname, controlPrefix));
  if (match.kind === "not-found") return sendJson(res, 404, { error: "No such control." });
  if (match.kind === "method-not-allowed") {
    res.setHeader("allow", match.allowed.join(", "));
    return sendJson(res, 405, { error: `Use ${match.allowed.join(" or ")}.` });
  }
  const body =
    req.method === "POST" ? await parseRequestBody(req) : { ok: true as const, fields: {} };
  if (!body.ok) return sendJson(res, body.status, { error: body.message });
  const reply = match.handler(deps, match.params, body.fields, url);
  sendJson(res, reply.status, reply.body);
}
