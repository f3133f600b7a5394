import { type ClientRequest, type IncomingMessage, request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";

export interface PostOutcome {
  status: number | null;
  error: string | null;
  ms: number;
  response: string | null;
}

type Settle = (outcome: Omit<PostOutcome, "ms">) => void;

const keptResponseChars = 300;

function describeError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (typeof code === "string" && code !== "ABORT_ERR") return code;
  return err instanceof Error ? err.message : String(err);
}

/** Reads the answer to its end (keeping its start), since the try lasts until then. */
function readResponse(res: IncomingMessage, settle: Settle, fail: (err: unknown) => void): void {
  let response = "";
  res.setEncoding("utf8");
  res.on("data", (chunk: string) => {
    if (response.length < keptResponseChars) response += chunk;
  });
  res.on("error", fail);
  res.on("end", () => {
    settle({
      status: res.statusCode ?? null,
      error: null,
      response: response.slice(0, keptResponseChars),
    });
  });
  res.on("close", () => fail(new Error("connection closed before the response ended")));
}

/**
 * POSTs `body` with exactly the given headers. Uses node:http rather than fetch,
 * which would add headers of its own (accept-language, sec-fetch-mode, its own
 * user agent) that Purwantara does not send. `timeoutMs` bounds the whole exchange.
 * A fresh connection per try: a kept-alive socket to a receiver that restarted
 * would fail the next try for a reason Purwantara's sender would not have.
 */
export function postCallback(
  url: string,
  headers: Record<string, string>,
  body: Buffer,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<PostOutcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    let req: ClientRequest | undefined;
    const timer = setTimeout(
      () => req?.destroy(new Error(`timeout after ${timeoutMs} ms`)),
      timeoutMs,
    );
    let done = false;
    const settle: Settle = (outcome) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve({ ...outcome, ms: Math.round(performance.now() - started) });
    };
    const fail = (err: unknown) =>
      settle({ status: null, error: describeError(err), response: null });
    try {
      const send = url.startsWith("https:") ? httpsRequest : httpRequest;
      req = send(url, { method: "POST", headers, signal, agent: false }, (res) =>
        readResponse(res, settle, fail),
      );
      req.on("error", fail);
      req.end(body);
    } catch (err) {
      fail(err);
    }
  });
}
