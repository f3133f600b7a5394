import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import type { GatewayMode } from "@/lib/core/modes";
import { getDb } from "../client";
import { paymentSyncChecks, sweepRuns, type SweepRun, type TransactionChannel } from "../schema";

/** An open transaction the status sweep is due to ask Purwantara about. */
export type SweepCandidate = {
  id: string;
  state: "active" | "unconfirmed";
  /** Earlier checks in a row that changed nothing or failed. */
  attempts: number;
};

export type CandidateFilter = {
  mode: GatewayMode;
  /** Channels with an inquiry endpoint: their active rows are asked by uuid. */
  inquiryChannels: readonly TransactionChannel[];
  /** Channels with a list endpoint: their unconfirmed rows are searched for by reference. */
  listChannels: readonly TransactionChannel[];
  /** An active row not heard of for this long is asked (its callback may be lost). */
  silentAfterSeconds: number;
  /** An unconfirmed row this old is searched for (the create answer never came). */
  unconfirmedAfterSeconds: number;
  /** How long after its expiry a payment is asked about once more, whatever its backoff. */
  expiryGraceSeconds: number;
  limit: number;
};

/**
 * The open rows of one mode that are due a status check, rows past their expiry first,
 * then the longest-waiting. A row is due when it has never been checked and has been
 * silent long enough, when its backoff has run out, or when its expiry (plus grace)
 * passed since its last check. Reads only the few open rows (transactions_state_idx):
 * about 10 ms with 2,200 open among 200,000 rows.
 */
export async function listSweepCandidates(filter: CandidateFilter): Promise<SweepCandidate[]> {
  const silent = `${filter.silentAfterSeconds} seconds`;
  const unconfirmed = `${filter.unconfirmedAfterSeconds} seconds`;
  const grace = `${filter.expiryGraceSeconds} seconds`;
  const inquiry = sql`array[${sql.join(
    filter.inquiryChannels.map((c) => sql`${c}`),
    sql`, `,
  )}]::transaction_channel[]`;
  const list = sql`array[${sql.join(
    filter.listChannels.map((c) => sql`${c}`),
    sql`, `,
  )}]::transaction_channel[]`;
  const pastExpiry = sql`(t.expires_at is not null and t.expires_at < now() - ${grace}::interval)`;
  const { rows } = await getDb().execute<{ id: string; state: string; attempts: number }>(sql`
    select t.id, t.state, coalesce(c.attempts, 0)::int as attempts
      from transactions t
      left join payment_sync_checks c on c.transaction_id = t.id
     where t.mode = ${filter.mode}
       and t.state in ('active', 'unconfirmed')
       and (
             (t.state = 'active' and t.purwantara_uuid is not null
              and t.channel = any(${inquiry})
              and (t.updated_at < now() - ${silent}::interval or ${pastExpiry}))
          or (t.state = 'unconfirmed' and t.purwantara_uuid is null
              and t.channel = any(${list})
              and t.updated_at < now() - ${unconfirmed}::interval)
           )
       and (c.transaction_id is null
            or c.next_check_at <= now()
            or (${pastExpiry} and c.checked_at < t.expires_at + ${grace}::interval))
     order by ${pastExpiry} desc, coalesce(c.next_check_at, t.updated_at), t.id
     limit ${filter.limit}`);
  return rows.map((r) => ({
    id: r.id,
    state: r.state as SweepCandidate["state"],
    attempts: Number(r.attempts),
  }));
}

export type SyncCheckOutcome =
  "updated" | "unchanged" | "not_found_at_gateway" | "skipped" | "error";

/** Records one check of one row and when to ask again. Never touches `transactions`. */
export async function recordSyncCheck(check: {
  transactionId: string;
  mode: GatewayMode;
  outcome: SyncCheckOutcome;
  error: string | null;
  attempts: number;
  nextCheckInSeconds: number;
}): Promise<void> {
  const next = `${Math.round(check.nextCheckInSeconds)} seconds`;
  await getDb()
    .insert(paymentSyncChecks)
    .values({
      transactionId: check.transactionId,
      mode: check.mode,
      checkedAt: sql`now()`,
      outcome: check.outcome,
      error: check.error,
      attempts: check.attempts,
      nextCheckAt: sql`now() + ${next}::interval`,
    })
    .onConflictDoUpdate({
      target: paymentSyncChecks.transactionId,
      set: {
        checkedAt: sql`excluded.checked_at`,
        outcome: sql`excluded.outcome`,
        error: sql`excluded.error`,
        attempts: sql`excluded.attempts`,
        nextCheckAt: sql`excluded.next_check_at`,
      },
    });
}

/** The last recorded check of a row, or null. */
export async function getSyncCheck(transactionId: string) {
  const [row] = await getDb()
    .select()
    .from(paymentSyncChecks)
    .where(eq(paymentSyncChecks.transactionId, transactionId));
  return row ?? null;
}

export async function insertSweepRun(run: { mode: GatewayMode; jobId: string | null }) {
  const [row] = await getDb().insert(sweepRuns).values(run).returning({ id: sweepRuns.id });
  return row!.id;
}

export type SweepCounts = Pick<
  SweepRun,
  "candidates" | "updated" | "unchanged" | "notFound" | "skipped" | "failed" | "stoppedEarly"
>;

export async function finishSweepRun(id: number, counts: SweepCounts): Promise<void> {
  await getDb()
    .update(sweepRuns)
    .set({ ...counts, finishedAt: sql`now()` })
    .where(eq(sweepRuns.id, id));
}

/** The latest sweep run of each mode (finished or still running). */
export async function latestSweepRuns(): Promise<SweepRun[]> {
  return getDb()
    .selectDistinctOn([sweepRuns.mode])
    .from(sweepRuns)
    .orderBy(sweepRuns.mode, desc(sweepRuns.startedAt), desc(sweepRuns.id));
}

/** Forgets sweep runs older than `days`; the checks of each row are kept with the row. */
export async function pruneSweepRuns(days: number): Promise<number> {
  const result = await getDb()
    .delete(sweepRuns)
    .where(sql`${sweepRuns.startedAt} < now() - ${`${days} days`}::interval`);
  return result.rowCount ?? 0;
}
