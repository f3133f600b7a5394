import { getQuickPool } from "@/db/client";
import { applyInOneStatement } from "@/db/queries/bench-baseline";
import { getEnv } from "@/lib/env";
import { readBodyWithLimit } from "@/lib/http/read-body";
import { callbackHeaders } from "@/lib/purwantara/contract";
import { verifyCallbackSignature } from "@/lib/purwantara/signature";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

function benchBaselineOn(): boolean {
  return (
    process.env.PURWANTARA_BENCH_BUILD === "1" && process.env.PURWANTARA_BENCH_BASELINE === "1"
  );
}

/**
 * The bench's one-statement baseline (bench/run.ts): the same HMAC, then one SQL
 * statement. It answers only in the bench's own build (PURWANTARA_BENCH_BUILD=1 at
 * build time, inlined by next.config.ts) while PURWANTARA_BENCH_BASELINE=1 in local
 * mode (the bench sets all three); in any other build or run it answers 404 before
 * reading anything.
 */
export async function POST(request: Request): Promise<Response> {
  if (!benchBaselineOn()) return new Response(null, { status: 404 });
  const { gateway } = getEnv();
  if (gateway?.mode !== "local") return new Response(null, { status: 404 });
  const body = await readBodyWithLimit(request, 256 * 1024, { deadlineMs: 5000 });
  if (!body.ok) return Response.json({ ok: false }, { status: 413 });
  const signature = request.headers.get(callbackHeaders.signature);
  if (!verifyCallbackSignature(body.bytes, signature, gateway.callbackSecrets)) {
    return Response.json({ ok: false }, { status: 401 });
  }
  let payload: { uuid?: unknown; status?: unknown };
  try {
    payload = JSON.parse(body.bytes.toString("utf8")) as typeof payload;
  } catch {
    return Response.json({ ok: false }, { status: 400 });
  }
  if (typeof payload.uuid !== "string" || typeof payload.status !== "string") {
    return Response.json({ ok: false }, { status: 400 });
  }
  try {
    const applied = await applyInOneStatement(getQuickPool(), {
      deliveryId: request.headers.get(callbackHeaders.delivery),
      rawBody: body.bytes,
      uuid: payload.uuid,
      status: payload.status,
    });
    return Response.json({ ok: true, outcome: applied ? "applied" : "duplicate" });
  } catch {
    return Response.json({ ok: false }, { status: 503 });
  }
}
