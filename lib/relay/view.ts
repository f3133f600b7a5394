import "server-only";
import { getDb } from "@/db/client";
import {
  listRelayLog,
  listRelayTries,
  type RelayLogRow,
  type RelayTryLine,
} from "@/db/queries/relay-deliveries";
import { getRelayEndpoint, listRelayEndpoints } from "@/db/queries/relay-endpoints";
import type { RelayEndpoint } from "@/db/schema";
import type { GatewayMode } from "@/lib/core/modes";
import { relayEventTypes, type RelayEventType } from "@/lib/core/relay-events";

/** An endpoint as pages show it: never its secret. */
export type RelayEndpointView = Omit<
  RelayEndpoint,
  "secretSealed" | "previousSecretSealed" | "events"
> & {
  events: RelayEventType[];
};

const view = ({
  secretSealed: _sealed,
  previousSecretSealed: _previous,
  ...row
}: RelayEndpoint): RelayEndpointView => ({
  ...row,
  events: relayEventTypes.filter((type) => row.events.includes(type)),
});

export async function listRelayEndpointViews(mode: GatewayMode): Promise<RelayEndpointView[]> {
  return (await listRelayEndpoints(mode)).map(view);
}

export async function getRelayEndpointView(
  mode: GatewayMode,
  id: string,
): Promise<RelayEndpointView | null> {
  const row = await getRelayEndpoint(getDb(), mode, id);
  return row ? view(row) : null;
}

/** [chosen] The log shows an endpoint's newest 100 deliveries. */
export const relayLogLimit = 100;

/** [chosen] Each delivery shows its newest 20 tries (a three-day retry makes about 20). */
export const relayTriesShown = 20;

/** A delivery in the log, with every try it had (newest first, capped). */
export type RelayLogEntry = RelayLogRow & { history: RelayTryLine[] };

export async function getRelayLog(endpointId: string): Promise<RelayLogEntry[]> {
  const rows = await listRelayLog(endpointId, relayLogLimit);
  const tries = await listRelayTries(
    rows.map((r) => r.id),
    relayTriesShown,
  );
  return rows.map((row) => ({
    ...row,
    history: tries.filter((t) => t.deliveryId === row.id),
  }));
}

export type { RelayLogRow, RelayTryLine };
