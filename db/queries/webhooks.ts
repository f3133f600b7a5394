import "server-only";
import { and, asc, eq, getTableColumns, inArray, isNull, sql } from "drizzle-orm";
import type { GatewayMode } from "@/lib/purwantara/contract";
import { getQuickPool, transactionWithin, type DbOrTx, type TransactionLimits } from "../client";
import {
  transactions,
  webhookDeliveries,
  type DeliveryOutcome,
  type NewTransaction,
  type NewWebhookDelivery,
  type Transaction,
  type TransactionState,
} from "../schema";

/**
 * Purwantara gives up after 3 s: the route answers within 2 s whatever the database
 * does. Applying gets most of that; recording a failure what is left.
 */
export const applyLimits: TransactionLimits = {
  deadlineMs: 1200,
  statementTimeoutMs: 800,
  lockTimeoutMs: 600,
};
const recordLimits: TransactionLimits = {
  deadlineMs: 600,
  statementTimeoutMs: 400,
  lockTimeoutMs: 300,
};

/**
 * Outcomes after which a delivery id counts as handled within its mode: a retry of it
 * is not applied again. The unique index `webhook_deliveries_handled_key` (mode,
 * delivery_id) over these outcomes (replays excluded) makes it hold across processes.
 */
export const handledOutcomes: DeliveryOutcome[] = ["applied", "stale", "unmatched", "needs_review"];

/**
 * Runs `fn` in one database transaction, within the webhook's time limits (or inside
 * `tx` when given, e.g. a replay's), holding a lock on the delivery id within its
 * mode, so two copies of the same delivery arriving together are applied once.
 */
export async function withDeliveryLock<T>(
  delivery: { deliveryId: string | null; mode: GatewayMode },
  fn: (tx: DbOrTx) => Promise<T>,
  options: { tx?: DbOrTx; deadlineMs?: number } = {},
): Promise<T> {
  const locked = async (tx: DbOrTx) => {
    if (delivery.deliveryId) {
      await tx.execute(
        sql`select pg_advisory_xact_lock(hashtext(${`ppn-delivery:${delivery.mode}:${delivery.deliveryId}`}))`,
      );
    }
    return fn(tx);
  };
  if (options.tx) return locked(options.tx);
  const deadlineMs = Math.min(applyLimits.deadlineMs, options.deadlineMs ?? Infinity);
  return transactionWithin({ ...applyLimits, deadlineMs }, locked);
}

/** The first handled delivery with this id in this mode, and whether its raw body equals `rawBody`. */
export async function findHandledDelivery(
  tx: DbOrTx,
  delivery: { deliveryId: string; mode: GatewayMode },
  rawBody: Buffer,
): Promise<{ id: string; sameBody: boolean } | null> {
  const [row] = await tx
    .select({
      id: webhookDeliveries.id,
      sameBody: sql<boolean>`${webhookDeliveries.rawBody} = ${rawBody}::bytea`,
    })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.deliveryId, delivery.deliveryId),
        eq(webhookDeliveries.mode, delivery.mode),
        inArray(webhookDeliveries.outcome, handledOutcomes),
        isNull(webhookDeliveries.replayOf),
      ),
    )
    .orderBy(asc(webhookDeliveries.receivedAt))
    .limit(1);
  return row ?? null;
}

export async function insertDelivery(values: NewWebhookDelivery, tx: DbOrTx): Promise<string> {
  const [row] = await tx
    .insert(webhookDeliveries)
    .values(values)
    .returning({ id: webhookDeliveries.id });
  if (!row) throw new Error("insert returned no delivery");
  return row.id;
}

/** Adds `flags` to a transaction's flags (each once, sorted); the state is not touched. */
export async function flagTransaction(tx: DbOrTx, id: string, flags: readonly string[]) {
  if (flags.length === 0) return;
  await tx
    .update(transactions)
    .set({ flags: mergedFlags(flags), updatedAt: new Date() })
    .where(eq(transactions.id, id));
}

function mergedFlags(flags: readonly string[]) {
  return sql<
    string[]
  >`(select coalesce(array_agg(distinct f order by f), '{}') from unnest(${transactions.flags} || ${sql.param([...flags])}::text[]) f)`;
}

/**
 * Records one delivery on its own, within the time left after a failed apply. A held
 * delivery (`needs_review`) also flags the transaction it names, within its mode.
 * A copy already held under this id is not recorded twice.
 */
export async function recordDelivery(
  values: NewWebhookDelivery,
  options: { deadlineMs?: number; flags?: readonly string[] } = {},
): Promise<string | null> {
  const deadlineMs = Math.min(recordLimits.deadlineMs, options.deadlineMs ?? Infinity);
  return transactionWithin({ ...recordLimits, deadlineMs }, async (tx) => {
    const [row] = await tx
      .insert(webhookDeliveries)
      .values(values)
      .onConflictDoNothing()
      .returning({ id: webhookDeliveries.id });
    if (row && options.flags?.length && values.mode && values.purwantaraUuid) {
      await tx
        .update(transactions)
        .set({ flags: mergedFlags(options.flags), updatedAt: new Date() })
        .where(
          and(
            eq(transactions.mode, values.mode),
            eq(transactions.purwantaraUuid, values.purwantaraUuid),
          ),
        );
    }
    return row?.id ?? null;
  });
}

// ---------------------------------------------------------------------------------
// The quick path: a delivery for a transaction we hold, applied in two statements on
// the quick pool (no BEGIN, no SET): one read, then one statement that locks the row
// only if it is unchanged since the read, records the delivery (the unique index
// dedupes), updates the row and writes its event. Anything else takes the full path.

const columns = getTableColumns(transactions);
const columnOf = Object.fromEntries(Object.entries(columns).map(([key, c]) => [key, c.name]));
const keyOf = Object.fromEntries(Object.entries(columns).map(([key, c]) => [c.name, key]));

/** What the quick read found: the handled delivery with this id, and the transaction. */
export type CallbackLookup = {
  earlier: { id: string; sameBody: boolean } | null;
  /** The row as it was read, and its version (xmin): the write applies only to that version. */
  row: (Transaction & { version: string }) | null;
};

const lookupSql = `
select d.id as earlier_id, d.same_body as earlier_same_body, t.*
from (select 1) one
left join lateral (
  select w.id, w.raw_body = $4::bytea as same_body from webhook_deliveries w
  where $2::text is not null and w.delivery_id = $2 and w.mode = $1::gateway_mode
    and delivery_is_handled(w.outcome) and w.replay_of is null
  order by w.received_at limit 1
) d on true
left join lateral (
  select x.xmin::text as version, x.* from transactions x
  where x.mode = $1::gateway_mode and (x.purwantara_uuid = $3 or ($5::text is not null and x.external_id = $5))
  order by (x.purwantara_uuid = $3) desc nulls last limit 1
) t on true`;

/** One statement: the earlier handled delivery with this id and the transaction, within the mode. */
export async function lookupCallback(ref: {
  mode: GatewayMode;
  deliveryId: string | null;
  purwantaraUuid: string;
  externalId: string | null;
  rawBody: Buffer;
}): Promise<CallbackLookup> {
  const result = await getQuickPool().query({
    name: "webhook-lookup",
    text: lookupSql,
    values: [ref.mode, ref.deliveryId, ref.purwantaraUuid, ref.rawBody, ref.externalId],
  });
  const raw = result.rows[0] as Record<string, unknown>;
  const earlier =
    raw.earlier_id != null
      ? { id: String(raw.earlier_id), sameBody: raw.earlier_same_body === true }
      : null;
  if (raw.id == null) return { earlier, row: null };
  const row: Record<string, unknown> = { version: raw.version };
  for (const [name, value] of Object.entries(raw)) {
    const key = keyOf[name];
    if (key) row[key] = value;
  }
  return { earlier, row: row as Transaction & { version: string } };
}

// Columns a callback may change (see lib/webhooks/decide.ts); anything else takes the full path.
/** What a callback may fill in on a row: only where it is still unknown. */
const factColumns = [
  "vaNumber",
  "qrString",
  "paymentLinkUrl",
  "checkoutUrl",
  "paymentCode",
  "paymentChannel",
  "bank",
  "fee",
  "total",
  "customerPhone",
  "expiresAt",
] as const satisfies readonly (keyof NewTransaction)[];

const quickColumns = [
  "purwantaraUuid",
  "state",
  "rawStatus",
  "paidAt",
  "settledAt",
  "errorCode",
  "errorMessage",
  "errorFields",
  ...factColumns,
] as const satisfies readonly (keyof NewTransaction)[];
const quickSet = new Set<string>(quickColumns);

/** True when the quick write can carry every one of these changes. */
export function quickWritable(changes: Partial<NewTransaction> | null): boolean {
  return !changes || Object.keys(changes).every((k) => quickSet.has(k));
}

const setList = quickColumns
  .map((key) => {
    const name = columnOf[key];
    return `"${name}" = case when $12::jsonb ? '${name}' then c."${name}" else t."${name}" end`;
  })
  .join(",\n    ");

const writeSql = `
with cur as (
  select id, state from transactions
  where id = $1::uuid and mode = $2::gateway_mode and xmin = $3::text::xid
  for update
),
ins as (
  insert into webhook_deliveries
    (delivery_id, headers, raw_body, signature_valid, outcome, reason, purwantara_uuid, raw_status,
     transaction_id, mode, verified_with)
  select $4, $5::jsonb, $6::bytea, true, $7::delivery_outcome, $8, $9, $10, cur.id, $2::gateway_mode, $11
  from cur
  on conflict (mode, delivery_id)
    where delivery_is_handled(outcome) and replay_of is null
    do nothing
  returning id
),
upd as (
  update transactions t set
    ${setList},
    flags = (select coalesce(array_agg(distinct f order by f), '{}') from unnest(t.flags || $13::text[]) f),
    updated_at = now()
  from ins, jsonb_populate_record(null::transactions, $12::jsonb) c
  where t.id = $1::uuid and $14::boolean
  returning t.id
),
ev as (
  insert into transaction_events (transaction_id, source, from_state, to_state, raw_status, delivery_id, note)
  select cur.id, 'webhook', cur.state, $15::transaction_state, $10, ins.id, $16
  from cur, ins
  where $15::transaction_state is not null
  returning id
)
select (select count(*) from cur)::int as matched, (select id from ins) as delivery_row_id,
       (select count(*) from upd)::int as updated, (select count(*) from ev)::int as events`;

export type QuickWrite = {
  transactionId: string;
  mode: GatewayMode;
  version: string;
  delivery: Pick<
    NewWebhookDelivery,
    "deliveryId" | "headers" | "rawBody" | "outcome" | "reason" | "purwantaraUuid" | "rawStatus"
  > & { verifiedWith: string | null };
  changes: Partial<NewTransaction> | null;
  flags: readonly string[];
  /** Set when the delivery moves the state: the event's new state and note. */
  event: { toState: TransactionState; note: string | null } | null;
};

/**
 * The quick write, one statement: locks the transaction only if it is still the
 * version that was read, records the delivery (unless its id is already handled in
 * this mode), applies the changes and flags, and writes the event. `written` false
 * means nothing was done: the row changed meanwhile or the id was handled since.
 */
export async function writeCallbackQuick(
  w: QuickWrite,
): Promise<{ written: boolean; deliveryRowId: string | null }> {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(w.changes ?? {})) {
    changes[columnOf[key]!] = value instanceof Date ? value.toISOString() : value;
  }
  const touch = Object.keys(changes).length > 0 || w.flags.length > 0;
  const result = await getQuickPool().query({
    name: "webhook-write",
    text: writeSql,
    values: [
      w.transactionId,
      w.mode,
      w.version,
      w.delivery.deliveryId ?? null,
      JSON.stringify(w.delivery.headers),
      w.delivery.rawBody,
      w.delivery.outcome,
      w.delivery.reason ?? null,
      w.delivery.purwantaraUuid ?? null,
      w.delivery.rawStatus ?? null,
      w.delivery.verifiedWith,
      JSON.stringify(changes),
      [...w.flags],
      touch,
      w.event?.toState ?? null,
      w.event?.note ?? null,
    ],
  });
  const row = result.rows[0] as { matched: number; delivery_row_id: string | null };
  const written = row.matched === 1 && row.delivery_row_id != null;
  return { written, deliveryRowId: row.delivery_row_id };
}

/** Records a plain duplicate (same id, same body, already handled) in one statement. */
export async function recordDuplicateQuick(values: NewWebhookDelivery): Promise<void> {
  await getQuickPool().query({
    name: "webhook-duplicate",
    text: `insert into webhook_deliveries
      (delivery_id, headers, raw_body, signature_valid, outcome, reason, purwantara_uuid, raw_status, mode, verified_with)
      values ($1, $2::jsonb, $3::bytea, true, 'duplicate', $4, $5, $6, $7::gateway_mode, $8)`,
    values: [
      values.deliveryId ?? null,
      JSON.stringify(values.headers),
      values.rawBody,
      values.reason ?? null,
      values.purwantaraUuid ?? null,
      values.rawStatus ?? null,
      values.mode ?? null,
      values.verifiedWith ?? null,
    ],
  });
}

// ---------------------------------------------------------------------------------
// The one-statement path: the commonest delivery (a status that moves a row we hold
// forward, values in order) applied in ONE statement. The row is chosen by identity
// exactly as the full path does (uuid first, then external_id, within the mode), and
// locked only if its state is one this status advances from, its amount equals the
// delivery's and its channel the callback's; then the delivery is recorded (the unique
// index dedupes), the row updated (facts only fill what is unknown) and the event
// written. Anything else changes nothing and locks nothing: the caller goes on.

const factSet = factColumns
  .map((key) => `"${columnOf[key]}" = coalesce(t."${columnOf[key]}", c."${columnOf[key]}")`)
  .join(",\n    ");

const advanceSql = `
with cur as (
  select x.id from transactions x
  where x.mode = $1::gateway_mode and (x.purwantara_uuid = $2 or ($3::text is not null and x.external_id = $3))
  order by (x.purwantara_uuid = $2) desc nulls last
  limit 1
),
ok as (
  select t.id, t.state from transactions t
  where t.id = (select id from cur) and t.state = any($4::transaction_state[])
    and t.amount = $5::numeric and t.channel = $6::transaction_channel
  for update
),
pae as (
  select ok.*, ok.state in ('expired', 'cancelled') and $7::transaction_state in ('paid', 'settled') as late
  from ok
),
ins as (
  insert into webhook_deliveries
    (delivery_id, headers, raw_body, signature_valid, outcome, reason, purwantara_uuid, raw_status,
     transaction_id, mode, verified_with)
  select $8, $9::jsonb, $10::bytea, true, 'applied',
         pae.state || ' → ' || $7 || $11
           || case when pae.late then '; ' || $12 || ' after ' || pae.state || ': the money came, accepted' else '' end
           || $13,
         $2, $12, pae.id, $1::gateway_mode, $14
  from pae
  on conflict (mode, delivery_id) where delivery_is_handled(outcome) and replay_of is null do nothing
  returning id
),
upd as (
  update transactions t set
    state = $7::transaction_state,
    raw_status = $12,
    purwantara_uuid = coalesce(t.purwantara_uuid, $2),
    paid_at = coalesce($15::timestamptz, t.paid_at, case when $7::transaction_state in ('paid', 'settled') then now() end),
    settled_at = coalesce($16::timestamptz, t.settled_at),
    error_code = null, error_message = null, error_fields = null,
    ${factSet},
    flags = (select coalesce(array_agg(distinct f order by f), '{}') from unnest(
      t.flags || $17::text[] || case when pae.late then array['paid_after_expiry'] else '{}'::text[] end) f),
    updated_at = now()
  from ins, pae, jsonb_populate_record(null::transactions, $18::jsonb) c
  where t.id = pae.id
  returning t.id
),
ev as (
  insert into transaction_events (transaction_id, source, from_state, to_state, raw_status, delivery_id, note)
  select pae.id, 'webhook', pae.state, $7::transaction_state, $12, ins.id, null from pae, ins
  returning id
)
select (select count(*) from ok)::int as matched, (select id from ins) as delivery_row_id,
       (select count(*) from upd)::int as updated`;

export type AdvanceWrite = {
  mode: GatewayMode;
  purwantaraUuid: string;
  externalId: string | null;
  /** The states this status moves forward from (lib/payments/lifecycle.ts). */
  fromStates: readonly TransactionState[];
  /** The delivery's amount, checked, as a decimal string: the row's must equal it. */
  amount: string;
  channel: Transaction["channel"];
  toState: TransactionState;
  rawStatus: string;
  delivery: Pick<NewWebhookDelivery, "deliveryId" | "headers" | "rawBody"> & {
    verifiedWith: string | null;
  };
  /** Reason parts: `; note; note` after `state → to`, and the one after the late-PAID note. */
  notesBefore: string;
  notesAfter: string;
  paidAt: Date | null;
  settledAt: Date | null;
  /** Flags the delivery raises whatever the row's state. */
  flags: readonly string[];
  /** What the callback carries; each fills its column only where the row has nothing. */
  facts: Partial<NewTransaction>;
};

/** The one-statement apply; `written` false means nothing changed and nothing was locked. */
export async function applyAdvanceInOne(
  w: AdvanceWrite,
): Promise<{ written: boolean; deliveryRowId: string | null }> {
  const facts: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(w.facts)) {
    if (value != null) facts[columnOf[key]!] = value instanceof Date ? value.toISOString() : value;
  }
  const result = await getQuickPool().query({
    name: "webhook-advance",
    text: advanceSql,
    values: [
      w.mode,
      w.purwantaraUuid,
      w.externalId,
      [...w.fromStates],
      w.amount,
      w.channel,
      w.toState,
      w.delivery.deliveryId ?? null,
      JSON.stringify(w.delivery.headers),
      w.delivery.rawBody,
      w.notesBefore,
      w.rawStatus,
      w.notesAfter,
      w.delivery.verifiedWith,
      w.paidAt,
      w.settledAt,
      [...w.flags],
      JSON.stringify(facts),
    ],
  });
  const row = result.rows[0] as { matched: number; delivery_row_id: string | null };
  return {
    written: row.matched === 1 && row.delivery_row_id != null,
    deliveryRowId: row.delivery_row_id,
  };
}
