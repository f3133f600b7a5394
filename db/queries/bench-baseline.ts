/**
 * The bench's baselines (bench/run.ts): a callback applied in ONE statement, the
 * dedupe insert and the state update in one CTE, with none of the checks the real
 * route makes. A yardstick for the framework and the machine, never used to apply
 * real callbacks; no `server-only`, so the bare node:http baseline can use it too.
 */
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
