import "server-only";
import type { ExportRow, ResolvedFilter, TransactionTotals } from "@/db/queries/transaction-list";
import { timeZoneIds, timeZones, toZonedIso, type TimeZone } from "@/lib/time";
import { filterFileStem } from "./transaction-filter";

export type ExportFormat = "csv" | "xlsx";

/**
 * The export's columns, in order (documented in README, "Export columns"). Amounts are
 * plain numbers (no currency, no grouping), times ISO 8601 with the viewer zone's offset.
 */
export const exportColumns = [
  ["id", (r) => r.id],
  ["external_id", (r) => r.externalId],
  ["purwantara_uuid", (r) => r.purwantaraUuid],
  ["mode", (r) => r.mode],
  ["channel", (r) => r.channel],
  ["bank", (r) => r.bank],
  ["payment_channel", (r) => r.paymentChannel],
  ["state", (r) => r.state],
  ["raw_status", (r) => r.rawStatus],
  ["title", (r) => r.title],
  ["description", (r) => r.description],
  ["amount", (r) => plain(r.amount)],
  ["fee", (r) => plain(r.fee)],
  ["total", (r) => plain(r.total)],
  ["net", (r) => net(r)],
  ["customer_name", (r) => r.customerName],
  ["customer_email", (r) => r.customerEmail],
  ["customer_phone", (r) => r.customerPhone],
  ["va_number", (r) => r.vaNumber],
  ["payment_code", (r) => r.paymentCode],
  ["created_at", (r, z) => iso(r.createdAt, z)],
  ["expires_at", (r, z) => iso(r.expiresAt, z)],
  ["paid_at", (r, z) => iso(r.paidAt, z)],
  ["settled_at", (r, z) => iso(r.settledAt, z)],
  ["created_by", (r) => r.createdByEmail],
  ["flags", (r) => (r.flags.length ? r.flags.join(" ") : null)],
] as const satisfies readonly (readonly [
  string,
  (row: ExportRow, zone: TimeZone) => string | null,
])[];

/** Columns written as numbers in XLSX. */
export const moneyColumns = new Set(["amount", "fee", "total", "net"]);

/** "10000.5000" → "10000.5", "10000.0000" → "10000". */
export function plain(value: string | null): string | null {
  if (value === null || value === undefined) return null;
  return value.includes(".") ? value.replace(/0+$/, "").replace(/\.$/, "") : value;
}

/** Amount minus fee, exact (4 decimals, as stored), for paid and settled rows only. */
function net(row: ExportRow): string | null {
  if (row.state !== "paid" && row.state !== "settled") return null;
  const scale = (v: string | null) => {
    const [whole = "0", frac = ""] = (v ?? "0").split(".");
    const sign = whole.startsWith("-") ? -1n : 1n;
    return sign * (BigInt(whole.replace("-", "")) * 10000n + BigInt((frac + "0000").slice(0, 4)));
  };
  const n = scale(row.amount) - scale(row.fee);
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const text = `${negative ? "-" : ""}${abs / 10000n}.${String(abs % 10000n).padStart(4, "0")}`;
  return plain(text);
}

/**
 * One Date, reused: in the app every `new Date` also leaves a hidden class in V8's old
 * generation (see `exportTypes` in db/queries/transaction-list.ts).
 */
const scratchDate = new Date(0);

/** Each zone's offset ("+07:00" for WIB) exactly as toZonedIso writes it. */
const offsetSuffixes = Object.fromEntries(
  timeZoneIds.map((zone) => [zone, toZonedIso(new Date(0), zone).slice(19)]),
) as Record<TimeZone, string>;

/**
 * PostgreSQL's UTC text of a time ("2026-11-25 09:43:05.123456+00") as toZonedIso gives
 * it in `zone` ("2026-11-25T16:43:05+07:00"): to the second, with the zone's offset.
 */
function iso(utc: string | null, zone: TimeZone): string | null {
  if (!utc) return null;
  const instant = Date.parse(`${utc.slice(0, 10)}T${utc.slice(11, 19)}Z`);
  scratchDate.setTime(instant + timeZones[zone].offsetMinutes * 60_000);
  return `${scratchDate.toISOString().slice(0, 19)}${offsetSuffixes[zone]}`;
}

function csvCell(value: string | null): string {
  if (value === null) return "";
  // A cell a spreadsheet would run as a formula is prefixed with a quote (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(cells: (string | null)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

export type ExportResult = {
  rows: number;
  totals: TransactionTotals;
  sha256: string;
  bytes: number;
};

export type ExportRequest = {
  resolved: ResolvedFilter;
  zone: TimeZone;
  format: ExportFormat;
  actorId: string;
  ip: string | null;
  now?: Date;
};

/** The file name: what the filter is and the day it was exported. */
export function exportFileName(request: ExportRequest): string {
  return `${filterFileStem(request.resolved.filter, request.zone, request.now)}.${request.format}`;
}
