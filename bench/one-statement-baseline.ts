/**
 * The bench's baselines (bench/run.ts, served by bench/baseline-server.ts): a callback
 * applied in ONE statement, the dedupe insert and the state update in one CTE, with
 * none of the checks the real route makes. A yardstick, never used to apply real
 * callbacks, and no part of the app.
 */
import { readBodyWithLimit } from "../lib/http/read-body";
import { callbackHeaders } from "@purwantara/contract";
import { verifyCallbackSignature } from "@purwantara/contract/signature";

export const oneStatementApplySql = `
with ins as (
  insert into webhook_deliveries
    (delivery_id, headers, raw_body, signature_valid, outcome, reason, purwantara_uuid, raw_status, mode, verified_with)
  values ($1, '{}'::jsonb, $2::bytea, true, 'applied', 'bench baseline', $3, $4, 'local', 'current')
  on conflict (mode, delivery_id) where delivery_is_handled(outcome) and replay_of is null do nothing
  returning id
)
update transactions set state = 'paid', raw_status = $4, paid_at = coalesce(paid_at, now()), updated_at = now()
where purwantara_uuid = $3 and mode = 'local' and exists (select 1 from ins)
returning id`;

type Queryable = {
  query(config: {
    name: string;
    text: string;
    values: unknown[];
  }): Promise<{ rowCount: number | null }>;
};

/** Applies one delivery in one statement; true when it was new. */
export async function applyInOneStatement(
  db: Queryable,
  delivery: { deliveryId: string | null; rawBody: Buffer; uuid: string; status: string },
): Promise<boolean> {
  const result = await db.query({
    name: "bench-one-statement",
    text: oneStatementApplySql,
    values: [delivery.deliveryId, delivery.rawBody, delivery.uuid, delivery.status],
  });
  return (result.rowCount ?? 0) > 0;
}

/**
 * The one-statement route (the bench's server, POST /one-statement), written as a
 * route handler is: the same bounded body read and HMAC as the real callback route,
 * then one SQL statement and a JSON answer.
 */
export async function oneStatementRoute(
  request: Request,
  db: Queryable,
  secrets: readonly string[],
): Promise<Response> {
  const body = await readBodyWithLimit(request, 256 * 1024, { deadlineMs: 5000 });
  if (!body.ok) return Response.json({ ok: false }, { status: 413 });
  const signature = request.headers.get(callbackHeaders.signature);
  if (!verifyCallbackSignature(body.bytes, signature, secrets)) {
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
    const applied = await applyInOneStatement(db, {
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
