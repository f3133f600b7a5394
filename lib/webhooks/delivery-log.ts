import "server-only";
import { z } from "zod";
import {
  getDeliveryDetail,
  listDeliveries,
  type DeliveryCursor,
  type DeliveryDetailRow,
  type DeliveryLogRow,
  type DeliveryScope,
} from "@/db/queries/callbacks";
import { deliveryOutcome, type DeliveryOutcome, type UserRole } from "@/db/schema";
import { can } from "@/lib/auth/roles";
import type { GatewayMode } from "@purwantara/contract";
import { dayStart, isDay, type TimeZone } from "@/lib/core/time";

export const deliveryOutcomes = deliveryOutcome.enumValues;

const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item));

/** The log's filters as they stand in the URL: `?outcome=a&outcome=b&from=…&to=…&cursor=…`. */
export const deliveryLogQuerySchema = z.object({
  outcome: oneOrMany(z.string()).transform((list) =>
    [...new Set(list)].filter((o): o is DeliveryOutcome =>
      (deliveryOutcomes as readonly string[]).includes(o),
    ),
  ),
  from: z.string().max(20).optional(),
  to: z.string().max(20).optional(),
  cursor: z.string().max(200).optional(),
});
export type DeliveryLogQuery = z.infer<typeof deliveryLogQuerySchema>;

export type DeliveryLogFilter = {
  outcomes: DeliveryOutcome[];
  from: string | null;
  to: string | null;
  /** Filter fields typed wrong: each names the `validation` message to show beside it. */
  errors: Partial<Record<"from" | "to", "date" | "dateRange">>;
};

export type DeliveryLogPage = {
  filter: DeliveryLogFilter;
  items: Omit<DeliveryLogRow, "cursor">[];
  nextCursor: string | null;
  /** Unverified deliveries (no mode) are part of this view. */
  showsUnverified: boolean;
};

const pageSize = 50;

function encodeCursor(cursor: DeliveryCursor): string {
  return Buffer.from(`${cursor.receivedAt}|${cursor.id}`).toString("base64url");
}

function decodeCursor(text: string | undefined): DeliveryCursor | null {
  if (!text) return null;
  const [receivedAt, id] = Buffer.from(text, "base64url").toString("utf8").split("|");
  const valid = z.iso.datetime().safeParse(receivedAt).success && z.uuid().safeParse(id).success;
  return valid && receivedAt && id ? { receivedAt, id } : null;
}

/** A `YYYY-MM-DD` day's first instant in the person's zone, or null when it is not a day. */
function dayStartOrNull(text: string | undefined, zone: TimeZone): Date | null {
  return isDay(text) ? dayStart(text, zone) : null;
}

/**
 * Who sees what: a person sees their acting mode's deliveries. Unverified ones belong
 * to no mode (no secret matched, so nothing says which it was meant for); they are an
 * attack or a wrong secret, an admin's business, shown only when asked for with the
 * "rejected" filter, so they never crowd out real callbacks.
 */
export function deliveryScope(
  viewer: { role: UserRole },
  mode: GatewayMode,
  outcomes: readonly DeliveryOutcome[] = [],
): DeliveryScope {
  return {
    mode,
    unverified: can(viewer.role, "callbacks:manage") && outcomes.includes("rejected"),
  };
}

export async function getDeliveryLogPage(
  query: DeliveryLogQuery,
  viewer: { role: UserRole; timeZone: TimeZone },
  mode: GatewayMode,
): Promise<DeliveryLogPage> {
  const errors: DeliveryLogFilter["errors"] = {};
  const from = dayStartOrNull(query.from, viewer.timeZone);
  const toDay = dayStartOrNull(query.to, viewer.timeZone);
  if (query.from && !from) errors.from = "date";
  if (query.to && !toDay) errors.to = "date";
  if (from && toDay && toDay < from) errors.to = "dateRange";
  const to = toDay && !errors.to ? new Date(toDay.getTime() + 86_400_000) : null;
  const scope = deliveryScope(viewer, mode, query.outcome);
  const rows = await listDeliveries({
    scope,
    outcomes: query.outcome,
    from: errors.from ? null : from,
    to,
    cursor: decodeCursor(query.cursor),
    limit: pageSize + 1,
  });
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return {
    filter: {
      outcomes: query.outcome,
      from: query.from ?? null,
      to: query.to ?? null,
      errors,
    },
    items: page.map(({ cursor: _cursor, ...row }) => row),
    nextCursor: rows.length > pageSize && last ? encodeCursor(last.cursor) : null,
    showsUnverified: scope.unverified,
  };
}

/** One delivery for its detail page: an admin may open an unverified one, no one another mode's. */
export async function getDeliveryForViewer(
  id: string,
  viewer: { role: UserRole },
  mode: GatewayMode,
): Promise<DeliveryDetailRow | null> {
  if (!z.uuid().safeParse(id).success) return null;
  return getDeliveryDetail(id, deliveryScope(viewer, mode, ["rejected"]));
}
