import "server-only";
import { and, desc, eq, isNull, lte, sql } from "drizzle-orm";
import type { GatewayMode } from "@/lib/core/modes";
import type { RelayPauseReason } from "@/lib/core/relay-events";
import { getDb, type DbOrTx } from "../client";
import { relayEndpoints, type RelayEndpoint } from "../schema";

export type RelayEndpointValues = {
  url: string;
  description: string;
  events: string[];
};

export async function insertRelayEndpoint(
  tx: DbOrTx,
  values: RelayEndpointValues & {
    id: string;
    mode: GatewayMode;
    secretSealed: string;
    createdBy: string;
  },
): Promise<RelayEndpoint> {
  const [row] = await tx.insert(relayEndpoints).values(values).returning();
  if (!row) throw new Error("insert returned no endpoint");
  return row;
}

/** The endpoint, in its mode only: another mode's id is not found. */
export async function getRelayEndpoint(
  db: DbOrTx,
  mode: GatewayMode,
  id: string,
): Promise<RelayEndpoint | null> {
  const [row] = await db
    .select()
    .from(relayEndpoints)
    .where(and(eq(relayEndpoints.id, id), eq(relayEndpoints.mode, mode)));
  return row ?? null;
}

export async function listRelayEndpoints(mode: GatewayMode): Promise<RelayEndpoint[]> {
  return getDb()
    .select()
    .from(relayEndpoints)
    .where(eq(relayEndpoints.mode, mode))
    .orderBy(desc(relayEndpoints.createdAt), desc(relayEndpoints.id));
}

/**
 * The mode's endpoints (paused ones too: their events wait) with the events each asks
 * for: read once per cause, then matched to each event in TypeScript (lib/relay/emit.ts).
 */
export async function listModeEndpointEvents(
  tx: DbOrTx,
  mode: GatewayMode,
): Promise<Pick<RelayEndpoint, "id" | "events">[]> {
  return tx
    .select({ id: relayEndpoints.id, events: relayEndpoints.events })
    .from(relayEndpoints)
    .where(eq(relayEndpoints.mode, mode));
}

/** Changes an endpoint of the mode; null when there is none with this id. */
export async function updateRelayEndpoint(
  tx: DbOrTx,
  mode: GatewayMode,
  id: string,
  changes: Partial<RelayEndpointValues> & {
    secretSealed?: string;
    previousSecretSealed?: string | null;
    previousSecretUntil?: Date | null;
    pausedAt?: Date | null;
    pausedReason?: RelayPauseReason | null;
    failingSince?: Date | null;
  },
): Promise<RelayEndpoint | null> {
  const [row] = await tx
    .update(relayEndpoints)
    .set(changes)
    .where(and(eq(relayEndpoints.id, id), eq(relayEndpoints.mode, mode)))
    .returning();
  return row ?? null;
}

export async function deleteRelayEndpoint(
  tx: DbOrTx,
  mode: GatewayMode,
  id: string,
): Promise<RelayEndpoint | null> {
  const [row] = await tx
    .delete(relayEndpoints)
    .where(and(eq(relayEndpoints.id, id), eq(relayEndpoints.mode, mode)))
    .returning();
  return row ?? null;
}

/** A try reached the endpoint with a 2xx: it is failing no longer. */
export async function markRelayEndpointHealthy(id: string): Promise<void> {
  await getDb()
    .update(relayEndpoints)
    .set({ failingSince: null })
    .where(and(eq(relayEndpoints.id, id), sql`${relayEndpoints.failingSince} is not null`));
}

/**
 * A try failed: the endpoint is failing from now unless it already was. If it has
 * failed since `pauseBefore` or earlier and is running, it is paused (reason
 * `failing`) and returned; otherwise null.
 */
export async function markRelayEndpointFailing(
  tx: DbOrTx,
  id: string,
  pauseBefore: Date,
): Promise<RelayEndpoint | null> {
  await tx
    .update(relayEndpoints)
    .set({ failingSince: sql`now()` })
    .where(and(eq(relayEndpoints.id, id), isNull(relayEndpoints.failingSince)));
  const [paused] = await tx
    .update(relayEndpoints)
    .set({ pausedAt: sql`now()`, pausedReason: "failing" })
    .where(
      and(
        eq(relayEndpoints.id, id),
        isNull(relayEndpoints.pausedAt),
        lte(relayEndpoints.failingSince, pauseBefore),
      ),
    )
    .returning();
  return paused ?? null;
}

/** The endpoint a delivery row names (the sender checks the mode against the row's). */
export async function getRelayEndpointById(id: string): Promise<RelayEndpoint | null> {
  const [row] = await getDb().select().from(relayEndpoints).where(eq(relayEndpoints.id, id));
  return row ?? null;
}
