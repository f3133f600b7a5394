/**
 * The bench's own server (bench/run.ts starts it with BENCH_PORT and DATABASE_URL; never
 * part of the app), with the two baselines the real callback route is measured against,
 * both verifying the same HMAC and applying a delivery in one statement
 * (bench/one-statement-baseline.ts):
 *   POST /one-statement  the one-statement route: a Fetch API handler (Request in,
 *                        Response out, the body read with the app's bounded reader), as
 *                        a route handler is written;
 *   POST /               bare node:http, the machine's ceiling.
 */
import http from "node:http";
import { Readable } from "node:stream";
import pg from "pg";
import { applyInOneStatement, oneStatementRoute } from "./one-statement-baseline";
import { callbackHeaders, localCallbackSecret } from "@purwantara/contract";
import { verifyCallbackSignature } from "@purwantara/contract/signature";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const port = Number(process.env.BENCH_PORT);

function answer(res: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

/** The route through the Fetch API: the request adapted as a framework adapts it. */
async function fetchRoute(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
  }
  const request = new Request(`http://127.0.0.1:${port}${req.url ?? "/"}`, {
    method: req.method,
    headers,
    body: Readable.toWeb(req) as ReadableStream<Uint8Array>,
    duplex: "half",
  } as RequestInit);
  const response = await oneStatementRoute(request, pool, [localCallbackSecret]);
  const text = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, {
    "content-type": response.headers.get("content-type") ?? "application/json",
    "content-length": text.byteLength,
  });
  res.end(text);
}

function bare(req: http.IncomingMessage, res: http.ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    void (async () => {
      const raw = Buffer.concat(chunks);
      const signature = req.headers[callbackHeaders.signature];
      if (
        !verifyCallbackSignature(raw, typeof signature === "string" ? signature : null, [
          localCallbackSecret,
        ])
      )
        return answer(res, 401, { ok: false });
      let payload: { uuid?: unknown; status?: unknown };
      try {
        payload = JSON.parse(raw.toString("utf8")) as typeof payload;
      } catch {
        return answer(res, 400, { ok: false });
      }
      if (typeof payload.uuid !== "string" || typeof payload.status !== "string")
        return answer(res, 400, { ok: false });
      try {
        const delivery = req.headers[callbackHeaders.delivery];
        const applied = await applyInOneStatement(pool, {
          deliveryId: typeof delivery === "string" ? delivery : null,
          rawBody: raw,
          uuid: payload.uuid,
          status: payload.status,
        });
        answer(res, 200, { ok: true, outcome: applied ? "applied" : "duplicate" });
      } catch {
        answer(res, 503, { ok: false });
      }
    })();
  });
}

http
  .createServer((req, res) => {
    if (req.method === "GET") return answer(res, 200, { ok: true });
    if (req.url === "/one-statement") {
      fetchRoute(req, res).catch(() => answer(res, 500, { ok: false }));
      return;
    }
    bare(req, res);
  })
  .listen(port, "127.0.0.1");
