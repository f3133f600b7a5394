import { getEnv } from "@/lib/env";
import { readBodyWithLimit } from "@/lib/http/read-body";
import { ingestCallback } from "@/lib/webhooks/ingest";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// A callback is one transaction as JSON: a few KiB. Anything far larger is not one.
const maxBodyBytes = 256 * 1024;

/** Purwantara's signed callbacks. No session: the HMAC signature is the caller's proof. */
export async function POST(request: Request): Promise<Response> {
  const body = await readBodyWithLimit(request, maxBodyBytes);
  if (!body.ok) {
    return Response.json({ ok: false, error: "body too large" }, { status: 413 });
  }
  const { callbackSecrets, mode } = getEnv().gateway;
  const result = await ingestCallback({
    rawBody: body.bytes,
    headers: request.headers,
    secrets: callbackSecrets,
    mode,
  });
  return Response.json(result.body, { status: result.status });
}
