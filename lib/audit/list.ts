import "server-only";
import { z } from "zod";
import {
  listAuditActors,
  listAuditEntries,
  listUserNames,
  streamAuditEntries,
  type AuditCursor,
  type AuditFilter,
  type AuditListRow,
} from "@/db/queries/audit-list";
import { parseZonedDateTime, type TimeZone } from "@/lib/core/time";
import { auditActions } from "./record";
import { auditPeopleIds } from "./sentence";

export type { AuditListRow };
export const auditPageSize = 50;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

/** The audit page's and export's filters, as they stand in the URL (bad values dropped). */
export const auditQuerySchema = z.object({
  actor: z.uuid().optional().catch(undefined),
  action: z.enum(auditActions).optional().catch(undefined),
  from: day,
  to: day,
  cursor: z.string().max(200).optional().catch(undefined),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export function readAuditQuery(params: Record<string, string | string[] | undefined>): AuditQuery {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  return auditQuerySchema.parse({
    actor: first(params.actor),
    action: first(params.action),
    from: first(params.from),
    to: first(params.to),
    cursor: first(params.cursor),
  });
}

/** Dates are whole days in the reader's zone: `to` includes its own day. */
export function auditFilter(query: AuditQuery, zone: TimeZone): AuditFilter {
  const from = query.from ? parseZonedDateTime(`${query.from}T00:00`, zone) : null;
  const to = query.to ? parseZonedDateTime(`${query.to}T00:00`, zone) : null;
  return {
    actorId: query.actor,
    action: query.action,
    from: from ?? undefined,
    to: to ? new Date(to.getTime() + 86_400_000) : undefined,
  };
}

export function encodeAuditCursor(row: Pick<AuditListRow, "at" | "id">): string {
  return Buffer.from(`${row.at.toISOString()}~${row.id}`).toString("base64url");
}

export function decodeAuditCursor(value: string | undefined): AuditCursor | undefined {
  if (!value) return undefined;
  const [at, id] = Buffer.from(value, "base64url").toString("utf8").split("~");
  const date = new Date(at ?? "");
  const n = Number(id);
  return Number.isNaN(date.getTime()) || !Number.isSafeInteger(n) ? undefined : { at: date, id: n };
}

export async function getAuditPage(query: AuditQuery, zone: TimeZone) {
  const { rows, hasMore } = await listAuditEntries(
    auditFilter(query, zone),
    decodeAuditCursor(query.cursor),
    auditPageSize,
  );
  const last = rows.at(-1);
  const names = await listUserNames(auditPeopleIds(rows));
  return { rows, names, nextCursor: hasMore && last ? encodeAuditCursor(last) : null };
}

export function getAuditActors() {
  return listAuditActors();
}

const csvColumns = [
  "id",
  "at_utc",
  "actor_email",
  "actor_name",
  "action",
  "mode",
  "target_type",
  "target_id",
  "ip",
  "details",
] as const;

/** One CSV cell; a leading = + - @ is defused so a spreadsheet never runs it as a formula. */
export function csvCell(value: string | number | null): string {
  let text = value === null ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLine(row: AuditListRow): string {
  return [
    row.id,
    row.at.toISOString(),
    row.actorEmail,
    row.actorName,
    row.action,
    row.mode,
    row.targetType,
    row.targetId,
    row.ip,
    JSON.stringify(row.details),
  ]
    .map(csvCell)
    .join(",");
}

/** The filtered log as CSV, produced batch by batch from a database cursor. */
export async function* auditCsv(filter: AuditFilter): AsyncGenerator<string> {
  yield `${csvColumns.join(",")}\r\n`;
  for await (const batch of streamAuditEntries(filter)) {
    yield batch.map((row) => `${csvLine(row)}\r\n`).join("");
  }
}
