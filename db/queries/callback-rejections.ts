import "server-only";
import { and, desc, eq, gte, sql } from "drizzle-orm";
import { getDb, getQuickPool } from "../client";
import { callbackRejectionSamples, callbackRejections } from "../schema";

/** Why a request to the callback route was refused before any secret verified it. */
export const rejectionReasons = [
  "no_signature",
  "bad_signature",
  "ambiguous_secret",
  "too_large",
  /** The body did not arrive within the deadline (lib/webhooks/ingest.ts). */
  "too_slow",
  "wrong_method",
  /** A quarantined delivery dropped to keep the quarantine within its hourly bound. */
  "quarantine_dropped",
] as const;
export type RejectionReason = (typeof rejectionReasons)[number];

/** At most this many samples per reason per hour are kept. */
export const samplesPerReasonPerHour = 5;

export type RejectionCount = { minute: Date; reason: RejectionReason; count: number; lastAt: Date };
export type RejectionSampleInput = {
  at: Date;
  reason: RejectionReason;
  method: string;
  headers: Record<string, string>;
  bodyStart: Buffer;
  bodyBytes: number;
};

/**
 * Adds counted rejections (one row per reason per minute, `count = count + n`) and
 * keeps the samples while their reason has fewer than five this hour, in one statement.
 */
export async function addRejections(
  counts: RejectionCount[],
  samples: RejectionSampleInput[],
): Promise<void> {
  if (counts.length === 0 && samples.length === 0) return;
  await getQuickPool().query({
    name: "callback-rejections-add",
    text: `
with c as (
  insert into callback_rejections (minute, reason, count, last_at)
  select * from unnest($1::timestamptz[], $2::text[], $3::int[], $4::timestamptz[])
  on conflict (minute, reason) do update
    set count = callback_rejections.count + excluded.count,
        last_at = greatest(callback_rejections.last_at, excluded.last_at)
  returning 1
)
insert into callback_rejection_samples (at, reason, method, headers, body_start, body_bytes)
select s.at, s.reason, s.method, s.headers, s.body_start, s.body_bytes
from unnest($5::timestamptz[], $6::text[], $7::text[], $8::jsonb[], $9::bytea[], $10::int[])
  as s(at, reason, method, headers, body_start, body_bytes)
where (select count(*) from callback_rejection_samples k
       where k.reason = s.reason and k.at >= date_trunc('hour', s.at)) < ${samplesPerReasonPerHour}`,
    values: [
      counts.map((c) => c.minute),
      counts.map((c) => c.reason),
      counts.map((c) => c.count),
      counts.map((c) => c.lastAt),
      samples.map((s) => s.at),
      samples.map((s) => s.reason),
      samples.map((s) => s.method),
      samples.map((s) => JSON.stringify(s.headers)),
      samples.map((s) => s.bodyStart),
      samples.map((s) => s.bodyBytes),
    ],
  });
}

export type RejectedSince = {
  total: number;
  byReason: Partial<Record<RejectionReason, number>>;
  /** When the latest counted rejection arrived, or null. */
  lastAt: Date | null;
};

/**
 * Requests refused at the callback route since `since` (minute buckets overlapping it
 * count whole), per reason: the health panel's "rejected signatures" figure. These
 * carry no mode: no secret proved one.
 */
export async function countRejectedSince(since: Date): Promise<RejectedSince> {
  const rows = await getDb()
    .select({
      reason: callbackRejections.reason,
      count: sql<number>`sum(${callbackRejections.count})::int`,
      lastAt: sql<Date | null>`max(${callbackRejections.lastAt})`,
    })
    .from(callbackRejections)
    .where(
      gte(
        callbackRejections.minute,
        sql`date_trunc('minute', ${since.toISOString()}::timestamptz)`,
      ),
    )
    .groupBy(callbackRejections.reason);
  const byReason: RejectedSince["byReason"] = {};
  let total = 0;
  let lastAt: Date | null = null;
  for (const row of rows) {
    byReason[row.reason as RejectionReason] = row.count;
    total += row.count;
    const at = row.lastAt ? new Date(row.lastAt) : null;
    if (at && (!lastAt || at > lastAt)) lastAt = at;
  }
  return { total, byReason, lastAt };
}

/** The newest kept samples, optionally of one reason: headers (no secrets) and the body's start. */
export async function listRejectionSamples(
  options: { reason?: RejectionReason; limit?: number } = {},
) {
  return getDb()
    .select()
    .from(callbackRejectionSamples)
    .where(options.reason ? and(eq(callbackRejectionSamples.reason, options.reason)) : undefined)
    .orderBy(desc(callbackRejectionSamples.at))
    .limit(options.limit ?? 20);
}
