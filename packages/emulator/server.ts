import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  callbackDelivery,
  defaultBaseUrls,
  localCallbackSecret,
  localEmulatorToken,
} from "@purwantara/contract";
import { apiPrefix, handleApi, type ApiFaults } from "./api";
import { CallbackDispatcher, type CallbackConfig, type Logger } from "./callbacks";
import { renderNotFoundPage } from "./checkout-page";
import { controlPrefix, handleControl } from "./control";
import {
  controlTokenHeader,
  hasControlToken,
  isOwnHost,
  isSameOriginPost,
  ownHosts,
  securityHeaders,
} from "./guards";
import { errorEnvelope, sendHtml, sendJson, sendPhpJson } from "./http";
import { handlePages, type PageDeps } from "./simulator-routes";
import { Store } from "./store";

/** The emulator's choice: where `npm run dev` serves the app's webhook route. */
export const defaultCallbackUrl = "http://127.0.0.1:3000/api/webhooks/purwantara";
export const defaultPort = Number(new URL(defaultBaseUrls.local).port);

export interface EmulatorOptions {
  /** Where state.json lives. */
  dataDir: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
  callbackUrl?: string;
  callbackSecret?: string;
  callbackTries?: number;
  callbackTimeoutMs?: number;
  callbackBackoffMs?: readonly number[];
  /** Base of buyer-facing URLs; default http://<host>:<port>. */
  publicUrl?: string;
  /**
   * When set, /control routes need it in the `x-emulator-control-token` header
   * (`npm run emulator` always sets one). In-process tests leave it unset.
   */
  controlToken?: string;
  /** One line per request and per callback try; silent by default. */
  log?: Logger;
}

export interface Emulator {
  server: Server;
  /** `baseUrl` is the public URL: the API is at `<baseUrl>/v1/`, the simulator at `<baseUrl>/`. */
  listen(): Promise<{ port: number; baseUrl: string }>;
  close(): Promise<void>;
}

type Deps = PageDeps & {
  token: string;
  controlToken?: string;
  faults: ApiFaults;
  publicUrl(): string;
  /** The Host header values it answers to (guards.ts). */
  hosts(): ReadonlySet<string>;
};

function reachableHost(host: string): string {
  if (host === "0.0.0.0" || host === "::") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}

function sendServerError(res: ServerResponse, url: URL): void {
  if (res.headersSent) return void res.destroy();
  if (url.pathname.startsWith(apiPrefix)) {
    return sendPhpJson(res, 500, errorEnvelope(500, "SERVER_ERROR", "Server Error"));
  }
  sendJson(res, 500, { error: "Internal emulator error; see its log." });
}

async function route(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: Deps,
): Promise<void> {
  if (url.pathname === "/health") return sendJson(res, 200, { ok: true });
  // Browsers ask for it on every page view; a 204 keeps it out of the 404s.
  if (url.pathname === "/favicon.ico") return void res.writeHead(204).end();
  if (url.pathname.startsWith(apiPrefix) || url.pathname === "/v1")
    return handleApi(req, res, url, deps);
  if (url.pathname.startsWith(controlPrefix)) {
    if (!hasControlToken(req, deps.controlToken)) {
      return sendJson(res, 401, { error: `Send the control token in ${controlTokenHeader}.` });
    }
    return handleControl(req, res, url, deps);
  }
  if (req.method === "POST") {
    const own = [deps.publicUrl(), req.headers.host ? `http://${req.headers.host}` : ""];
    if (
      !isSameOriginPost(
        req,
        own.filter(Boolean).map((u) => new URL(u).origin),
      )
    ) {
      return sendHtml(res, 403, renderNotFoundPage("Posts from another site are refused."));
    }
  }
  if (handlePages(req, res, url, deps)) return;
  sendHtml(res, 404, renderNotFoundPage(`Nothing at ${url.pathname}.`));
}

function requestListener(deps: Deps, log: Logger) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const started = performance.now();
    const url = new URL(req.url ?? "/", "http://emulator.local");
    // Path only: query strings and headers (Authorization) stay out of the log.
    res.on("finish", () => {
      log(
        `${req.method} ${url.pathname} ${res.statusCode} ${Math.round(performance.now() - started)}ms`,
      );
    });
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
    if (!isOwnHost(req, deps.hosts())) {
      return sendJson(res, 421, { error: "This emulator answers only to its own address." });
    }
    route(req, res, url, deps).catch((err: unknown) => {
      console.error(`emulator: ${req.method} ${url.pathname} failed:`, err);
      sendServerError(res, url);
    });
  };
}

function callbackConfig(options: EmulatorOptions): CallbackConfig {
  return {
    url: options.callbackUrl ?? defaultCallbackUrl,
    secret: options.callbackSecret ?? localCallbackSecret,
    tries: options.callbackTries ?? callbackDelivery.tries,
    timeoutMs: options.callbackTimeoutMs ?? callbackDelivery.timeoutMs,
    backoffMs: options.callbackBackoffMs ?? callbackDelivery.backoffMs,
  };
}

/** A Purwantara emulator on node:http; `listen()` starts it, `close()` stops it and flushes state. */
export function createEmulator(options: EmulatorOptions): Emulator {
  const log = options.log ?? (() => {});
  const host = options.host ?? "127.0.0.1";
  let port = options.port ?? defaultPort;
  const store = Store.open(options.dataDir, (err) =>
    console.error("emulator: could not save state:", err),
  );
  const callbacks = new CallbackDispatcher(store, callbackConfig(options), log);
  const publicUrl = () =>
    (options.publicUrl ?? `http://${reachableHost(host)}:${port}`).replace(/\/+$/, "");
  const deps: Deps = {
    store,
    callbacks,
    token: options.token ?? localEmulatorToken,
    controlToken: options.controlToken,
    faults: { failNext: { count: 0, status: 503 }, latencyMs: 0 },
    now: () => new Date(),
    publicUrl,
    hosts: () => ownHosts(host, port, publicUrl()),
    apiBase: () => publicUrl() + apiPrefix,
  };
  const server = createServer(requestListener(deps, log));
  return {
    server,
    listen: () =>
      listen(server, host, port).then((bound) => {
        port = bound;
        callbacks.resume();
        return { port, baseUrl: publicUrl() };
      }),
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await Promise.all([closed, callbacks.close()]);
      await store.flush();
    },
  };
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
