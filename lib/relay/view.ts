import "server-only";
import { getDb } from "@/db/client";
import { listRelayLog, type RelayLogRow } from "@/db/queries/relay-deliveries";
import { getRelayEndpoint, listRelayEndpoints } from "@/db/queries/relay-endpoints";
import type { RelayEndpoint } from "@/db/schema";
import type { GatewayMode } from "@/lib/core/modes";
import { relayEventTypes, type RelayEventType } from "@/lib/core/relay-events";

/** An endpoint as pages show it: never its secret. */
export type RelayEndpointView = Omit<RelayEndpoint, "secretSealed" | "events"> & {
  events: RelayEventType[];
};

const view = ({ secretSealed: _sealed, ...row }: RelayEndpoint): RelayEndpointView => ({
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

export function getRelayLog(endpointId: string): Promise<RelayLogRow[]> {
  return listRelayLog(endpointId, relayLogLimit);
}

export type { RelayLogRow };
