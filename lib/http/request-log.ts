import { randomUUID } from "node:crypto";
import http from "node:http";
import type { Logger } from "pino";
import { logFor, withRequestContext } from "@/lib/log";

export const requestIdHeader = "x-request-id";

// A proxy's id (nginx $request_id, a UUID) is kept; anything else is replaced, so a
// client cannot write arbitrary text into the logs.
const acceptable = /^[A-Za-z0-9._:-]{8,128}$/;

/** The request's id: the one a proxy in front set, or a new one. */
export function requestIdFrom(value: string | string[] | null | undefined): string {
  const first = Array.isArray(value) ? value[0] : value;
  return first && acceptable.test(first) ? first : randomUUID();
}

const uuidLike = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The path as logged: no query string (filters and searches hold names and emails),
 * ids and tokens (an invitation's, a reset's) replaced by placeholders.
 */
export function loggedPath(url: string | undefined): string {
  const path = (url ?? "/").split("?")[0] ?? "/";
  const segments = path.split("/").map((segment, index, all) => {
    if (all[index - 1] === "invite") return ":token";
    if (uuidLike.test(segment)) return ":id";
    if (/^\d+$/.test(segment)) return ":n";
    return segment.length > 40 ? ":token" : segment;
  });
  return segments.join("/").slice(0, 200);
}

const quiet = (path: string) => path.startsWith("/_next/") || path === "/favicon.ico";

/**
 * One log line per HTTP request of this process, with its id, path, status and time.
 * Next.js gives no per-request hook without a custom server, so (like the peer stamp
 * in instrumentation-node.ts) the Node server's `request` event is wrapped: the id
 * (from X-Request-Id or new) is set on the request, so route handlers see it, returned
 * as a response header, and put in context, so every line the request causes carries
 * it. Static files log at debug.
 */
export function installRequestLog(log: Logger = logFor("http")): void {
  const proto = http.Server.prototype as unknown as {
    emit: (event: string | symbol, ...args: unknown[]) => boolean;
    __purwantaraRequestLog?: boolean;
  };
  if (proto.__purwantaraRequestLog) return;
  proto.__purwantaraRequestLog = true;
  const emit = proto.emit;
  proto.emit = function (this: unknown, event, ...args) {
    if (event !== "request") return emit.call(this, event, ...args);
    const request = args[0] as http.IncomingMessage;
    const response = args[1] as http.ServerResponse;
    const requestId = requestIdFrom(request.headers[requestIdHeader]);
    request.headers[requestIdHeader] = requestId;
    response.setHeader(requestIdHeader, requestId);
    const started = performance.now();
    const path = loggedPath(request.url);
    response.once("close", () => {
      const line = {
        requestId,
        method: request.method,
        path,
        status: response.statusCode,
        ms: Math.round(performance.now() - started),
        // The client went away before the answer was complete.
        ...(response.writableFinished ? {} : { aborted: true }),
      };
      if (quiet(path)) log.debug(line, "request");
      else log.info(line, "request");
    });
    return withRequestContext({ requestId }, () => emit.call(this, event, ...args));
  };
}
