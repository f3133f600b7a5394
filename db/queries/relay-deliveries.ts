import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "../client";
import {
  relayDeliveries,
  relayTries,
  type NewRelayDelivery,
  type RelayDelivery,
  type RelayTry,
} from "../schema";

/**
 * Adds relay deliveries in the caller's transaction. The same event for the same
 * endpoint (event key) is one row: a repeat adds nothing. Returns the new rows' ids.
 */
export async function insertRelayDeliveries(
  tx: DbOrTx,
  rows: Omit<NewRelayDelivery, "giveUpAt">[],
  giveUpAfterSeconds: number,
): Promise<string[]> {
  if (rows.length === 0) return [];
  const giveUpAt = sql`now() + make_interval(secs => ${giveUpAfterSeconds})`;
  const made = await tx
    .insert(relayDeliveries)
    .values(rows.map((row) => ({ ...row, giveUpAt })))
    .onConflictDoNothing()
    .returning({ id: relayDeliveries.id });
  return made.map((r) => r.id);
}

const d = relayDeliveries;

/** Its endpoint runs, and no earlier event of the same payment for it is still open. */
const sendable = sql`exists (select 1 from relay_endpoints e where e.id = ${d.endpointId} and e.paused_at is null)
  and not exists (select 1 from relay_deliveries p where p.endpoint_id = ${d.endpointId}
    and p.transaction_id = ${d.transactionId} and p.seq < ${d.seq} and p.state in ('pending', 'sending'))`;

/** Due now: pending and its time has come, or sending past its lease (a lost try). */
const due = sql`((${d.state} = 'pending' and ${d.nextAttemptAt} <= now())
  or (${d.state} = 'sending' and ${d.leaseUntil} < now()))`;

/**
 * Takes a row for one try, atomically: only a due row whose endpoint is not paused
 * and whose payment has no earlier open event for that endpoint (the try is counted).
 * Null: another runner has it, it is done, not due, waiting its turn, or paused.
 */
export async function claimRelayDelivery(
  id: string,
  leaseSeconds: number,
): Promise<RelayDelivery | null> {
  const [row] = await getDb()
    .update(d)
    .set({
      state: "sending",
      tries: sql`${d.tries} + 1`,
      leaseUntil: sql`now() + make_interval(secs => ${leaseSeconds})`,
      lastTriedAt: sql`now()`,
    })
    .where(and(eq(d.id, id), due, sendable))
    .returning();
  return row ?? null;
}

export type RelayTryRecord = { status: number | null; answer: string; latencyMs: number | null };

/**
 * The try of a claimed row ended: delivered, to be tried again later, or given up. The
 * row keeps the last try; relay_tries keeps every one (the log shows them all).
 */
export async function finishRelayTry(
  id: string,
  result: RelayTryRecord &
    ({ state: "delivered" } | { state: "pending"; retryInSeconds: number } | { state: "failed" }),
): Promise<void> {
  const recorded = {
    lastStatus: result.status,
    lastAnswer: result.answer,
    lastLatencyMs: result.latencyMs,
    leaseUntil: null,
  };
  await getDb().transaction(async (tx) => {
    const [finished] = await tx
      .update(d)
      .set(
        result.state === "delivered"
          ? { ...recorded, state: "delivered", deliveredAt: sql`now()` }
          : result.state === "pending"
            ? {
                ...recorded,
                state: "pending",
                nextAttemptAt: sql`now() + make_interval(secs => ${result.retryInSeconds})`,
              }
            : { ...recorded, state: "failed" },
      )
      .where(and(eq(d.id, id), eq(d.state, "sending")))
      .returning({ id: d.id });
    if (!finished) return;
    await tx.insert(relayTries).values({
      deliveryId: id,
      status: result.status,
      answer: result.answer,
      latencyMs: result.latencyMs,
    });
  });
}

export type RelayTryLine = Pick<RelayTry, "deliveryId" | "at" | "status" | "answer" | "latencyMs">;

/** The tries of these deliveries, newest first, at most `perDelivery` each. */
export async function listRelayTries(
  deliveryIds: string[],
  perDelivery: number,
): Promise<RelayTryLine[]> {
  if (deliveryIds.length === 0) return [];
  const ranked = getDb()
    .select({
      deliveryId: relayTries.deliveryId,
      at: relayTries.at,
      status: relayTries.status,
      answer: relayTries.answer,
      latencyMs: relayTries.latencyMs,
      rank: sql<number>`row_number() over (partition by ${relayTries.deliveryId} order by ${relayTries.at} desc)`.as(
        "rank",
      ),
    })
    .from(relayTries)
    .where(inArray(relayTries.deliveryId, deliveryIds))
    .as("ranked");
  return getDb()
    .select({
      deliveryId: ranked.deliveryId,
      at: ranked.at,
      status: ranked.status,
      answer: ranked.answer,
      latencyMs: ranked.latencyMs,
    })
    .from(ranked)
    .where(sql`${ranked.rank} <= ${perDelivery}`)
    .orderBy(desc(ranked.at));
}

/** Rows that can be sent now, oldest first: the dispatcher queues a try of each. */
export async function listSendableRelayIds(limit: number): Promise<string[]> {
  const rows = await getDb()
    .select({ id: d.id })
    .from(d)
    .where(and(due, sendable))
    .orderBy(d.seq)
    .limit(limit);
  return rows.map((r) => r.id);
}

export type RelayLogRow = Pick<
  RelayDelivery,
  | "id"
  | "eventType"
  | "state"
  | "tries"
  | "lastStatus"
  | "lastAnswer"
  | "lastLatencyMs"
  | "lastTriedAt"
  | "deliveredAt"
  | "nextAttemptAt"
  | "createdAt"
  | "transactionId"
>;

/** An endpoint's deliveries, newest first. */
export async function listRelayLog(endpointId: string, limit: number): Promise<RelayLogRow[]> {
  return getDb()
    .select({
      id: d.id,
      eventType: d.eventType,
      state: d.state,
      tries: d.tries,
      lastStatus: d.lastStatus,
      lastAnswer: d.lastAnswer,
      lastLatencyMs: d.lastLatencyMs,
      lastTriedAt: d.lastTriedAt,
      deliveredAt: d.deliveredAt,
      nextAttemptAt: d.nextAttemptAt,
      createdAt: d.createdAt,
      transactionId: d.transactionId,
    })
    .from(d)
    .where(eq(d.endpointId, endpointId))
    .orderBy(desc(d.seq))
    .limit(limit);
}

/** Sends a delivered or given-up row again, with fresh tries and a fresh three days. Null if open. */
export async function requeueRelayDelivery(
  tx: DbOrTx,
  endpointId: string,
  id: string,
  giveUpAfterSeconds: number,
): Promise<RelayDelivery | null> {
  const [row] = await tx
    .update(d)
    .set({
      state: "pending",
      tries: 0,
      nextAttemptAt: sql`now()`,
      leaseUntil: null,
      giveUpAt: sql`now() + make_interval(secs => ${giveUpAfterSeconds})`,
    })
    .where(
      and(eq(d.id, id), eq(d.endpointId, endpointId), inArray(d.state, ["delivered", "failed"])),
    )
    .returning();
  return row ?? null;
}

/** The endpoint whose row this is (for the sender, which needs its URL and secret). */
export async function getRelayDeliveryEndpointId(id: string): Promise<string | null> {
  const [row] = await getDb().select({ endpointId: d.endpointId }).from(d).where(eq(d.id, id));
  return row?.endpointId ?? null;
}
