import "server-only";
import { z } from "zod";
import { listGatewayCalls, listGatewayEndpoints } from "@/db/queries/gateway-calls";
import type { GatewayCall } from "@/db/schema";
import type { GatewayMode } from "@purwantara/contract";
import { gatewayCallStatuses } from "@/lib/core/gateway-calls";

const blankless = (v: unknown) => (v === "" ? undefined : v);

/** The log's filters as they stand in the URL: `?status=…&endpoint=…&transaction=…&before=…`. */
export const gatewayCallQuerySchema = z.object({
  status: z.preprocess(blankless, z.enum(gatewayCallStatuses).optional()).catch(undefined),
  endpoint: z.preprocess(blankless, z.string().max(200).optional()).catch(undefined),
  transaction: z.preprocess(blankless, z.uuid().optional()).catch(undefined),
  before: z.preprocess(blankless, z.coerce.number().int().positive().optional()).catch(undefined),
});
export type GatewayCallQuery = z.infer<typeof gatewayCallQuerySchema>;

export type GatewayCallPage = {
  query: GatewayCallQuery;
  items: GatewayCall[];
  /** The `before` of the next (older) page, if there is one. */
  nextBefore: number | null;
  /** Endpoints called in this mode, for the filter. */
  endpoints: string[];
};

const pageSize = 50;

/** One page of the acting mode's gateway calls, newest first. */
export async function listGatewayCallPage(
  query: GatewayCallQuery,
  mode: GatewayMode,
): Promise<GatewayCallPage> {
  const [rows, endpoints] = await Promise.all([
    listGatewayCalls({
      mode,
      status: query.status,
      endpoint: query.endpoint,
      transactionId: query.transaction,
      before: query.before,
      limit: pageSize,
    }),
    listGatewayEndpoints(mode),
  ]);
  const items = rows.slice(0, pageSize);
  const nextBefore = rows.length > pageSize ? (items.at(-1)?.id ?? null) : null;
  return { query, items, nextBefore, endpoints };
}
