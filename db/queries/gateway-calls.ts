import "server-only";
import { and, desc, eq, inArray, lt, ne, notInArray, sql, type SQL } from "drizzle-orm";
import { noAnswerOutcomes, type GatewayCallStatus } from "@/lib/core/gateway-calls";
import type { GatewayMode } from "@/lib/core/modes";
import { getDb } from "../client";
import { gatewayCalls, type GatewayCall, type NewGatewayCall } from "../schema";

export async function insertGatewayCall(values: NewGatewayCall): Promise<void> {
  await getDb().insert(gatewayCalls).values(values);
}

export type GatewayCallQuery = {
  mode: GatewayMode;
  status?: GatewayCallStatus;
  endpoint?: string;
  transactionId?: string;
  /** Keyset paging: calls older than this id. */
  before?: number;
  limit: number;
};

const statusCondition: Record<GatewayCallStatus, SQL | undefined> = {
  ok: eq(gatewayCalls.outcome, "ok"),
  failed: and(
    ne(gatewayCalls.outcome, "ok"),
    notInArray(gatewayCalls.outcome, [...noAnswerOutcomes]),
  ),
  no_answer: inArray(gatewayCalls.outcome, [...noAnswerOutcomes]),
};

/** One page of the call log, newest first (`limit` + 1 read, to know if there is more). */
export async function listGatewayCalls(query: GatewayCallQuery): Promise<GatewayCall[]> {
  return getDb()
    .select()
    .from(gatewayCalls)
    .where(
      and(
        eq(gatewayCalls.mode, query.mode),
        query.status ? statusCondition[query.status] : undefined,
        query.endpoint ? eq(gatewayCalls.endpoint, query.endpoint) : undefined,
        query.transactionId ? eq(gatewayCalls.transactionId, query.transactionId) : undefined,
        query.before ? lt(gatewayCalls.id, query.before) : undefined,
      ),
    )
    .orderBy(desc(gatewayCalls.id))
    .limit(query.limit + 1);
}

/** The endpoints called in a mode within the retention window: the filter's choices. */
export async function listGatewayEndpoints(mode: GatewayMode): Promise<string[]> {
  const rows = await getDb()
    .selectDistinct({ endpoint: gatewayCalls.endpoint })
    .from(gatewayCalls)
    .where(eq(gatewayCalls.mode, mode))
    .orderBy(gatewayCalls.endpoint);
  return rows.map((row) => row.endpoint);
}

/** Drops calls older than `days`; the number dropped. */
export async function pruneGatewayCalls(days: number): Promise<number> {
  const dropped = await getDb()
    .delete(gatewayCalls)
    .where(lt(gatewayCalls.calledAt, sql`now() - make_interval(days => ${days})`))
    .returning({ id: gatewayCalls.id });
  return dropped.length;
}
