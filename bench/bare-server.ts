/**
 * The bench's machine baseline: a bare node:http server that verifies the same HMAC
 * and applies a delivery in one statement (db/queries/bench-baseline.ts). Started by
 * bench/run.ts with BENCH_PORT and DATABASE_URL; never part of the app.
 */
import http from "node:http";
import pg from "pg";
import { applyInOneStatement } from "../db/queries/bench-baseline";
import { localCallbackSecret } from "../lib/purwantara/contract";
import { verifyCallbackSignature } from "../lib/purwantara/signature";

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

http
  .createServer((req, res) => {
    if (req.method === "GET") return answer(res, 200, { ok: true });
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        const raw = Buffer.concat(chunks);
        const signature = req.headers["signature"];
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
          const delivery = req.headers["x-ppn-delivery"];
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
  })
  .listen(port, "127.0.0.1");
