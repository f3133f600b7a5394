import { observeCallback } from "@/lib/ops/callback-observer";
import { answerResponse } from "@/lib/webhooks/answer";
import { receiveCallback } from "@/lib/webhooks/ingest";
import { countRejection } from "@/lib/webhooks/rejections";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Purwantara's signed callbacks. No session: the HMAC signature is the caller's proof. */
export async function POST(request: Request): Promise<Response> {
  return answerResponse(await observeCallback(request, receiveCallback(request)));
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
