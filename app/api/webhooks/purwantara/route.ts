import { getEnv } from "@/lib/env";
import { callbackSecrets, type CallbackSecret } from "@/lib/gateway/config";
import { readBodyWithLimit } from "@/lib/http/read-body";
import { callbackHeaders } from "@/lib/purwantara/contract";
import { logSafeError } from "@/lib/webhooks/failures";
import { ingestCallback } from "@/lib/webhooks/ingest";
import { countRejection } from "@/lib/webhooks/rejections";
import { usableSecrets } from "@/lib/webhooks/verify";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// A callback is one transaction as JSON: a few KiB. Anything far larger is not one.
const maxBodyBytes = 256 * 1024;
/** [chosen] How long reading the secrets (saved ones are in the database) may take. */
const secretsDeadlineMs = 1000;

/** The callback secrets, or null when the database did not answer in time. */
async function secretsInTime(): Promise<CallbackSecret[] | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      callbackSecrets(),
      new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), secretsDeadlineMs);
      }),
    ]);
  } catch (error) {
    logSafeError("webhook: could not read the callback secrets", null, error);
    return null;
  } finally {
    clearTimeout(timer);
  }
}

const unavailable = () =>
  Response.json({ ok: false, error: "temporarily unavailable" }, { status: 503 });

/** Purwantara's signed callbacks. No session: the HMAC signature is the caller's proof. */
export async function POST(request: Request): Promise<Response> {
  const body = await readBodyWithLimit(request, maxBodyBytes);
  if (!body.ok) {
    const declared = Number(request.headers.get("content-length") ?? "0");
    countRejection("too_large", request, null, Number.isFinite(declared) ? declared : 0);
    return Response.json({ ok: false, error: "body too large" }, { status: 413 });
  }
  const env = getEnv();
  const loaded = await secretsInTime();
  // Saved secrets unreadable: a signed delivery may be signed with one of them, so
  // Purwantara is asked to retry; one without any signature is refused as always.
  if (!loaded && request.headers.get(callbackHeaders.signature)) return unavailable();
  const secrets = usableSecrets(loaded ?? [], {
    production: env.nodeEnv === "production",
    localDemo: env.localDemo,
  });
  const result = await ingestCallback({
    rawBody: body.bytes,
    headers: request.headers,
    secrets,
    method: request.method,
  });
  return Response.json(result.body, { status: result.status });
}

/** Anything but POST is not a callback: counted, answered 405, never stored. */
function wrongMethod(request: Request): Response {
  countRejection("wrong_method", request, null, 0);
  return Response.json(
    { ok: false, error: "method not allowed" },
    { status: 405, headers: { Allow: "POST" } },
  );
}

export const GET = wrongMethod;
export const PUT = wrongMethod;
export const PATCH = wrongMethod;
export const DELETE = wrongMethod;
