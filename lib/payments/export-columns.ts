import type { ExportRow } from "@/db/queries/transaction-list";
import type { Locale } from "@/lib/i18n/config";
import { messagesFor } from "@/lib/i18n/messages";
import { timeZoneIds, timeZones, toZonedIso, type TimeZone } from "@/lib/core/time";
import type { CsvCellKind } from "./csv-format";
import { netOf } from "./fees";

type ExportColumn = {
  /** The column's key: its header is `export.columns.<key>` in the person's language. */
  key: string;
  kind: CsvCellKind;
  /** In an XLSX: rupiah (a number shown as money) or a time (a date in the viewer's zone). */
  sheet?: "rupiah" | "time";
  get: (row: ExportRow, zone: TimeZone) => string | null;
};

/**
 * The export's columns, in order (documented in README, "Export columns"). Amounts are
 * plain numbers (no currency, no grouping), times ISO 8601 with the viewer zone's
 * offset, identifiers text that a spreadsheet keeps as written.
 */
export const exportColumns = [
  { key: "id", kind: "identifier", get: (r) => r.id },
  { key: "external_id", kind: "identifier", get: (r) => r.externalId },
  { key: "purwantara_uuid", kind: "identifier", get: (r) => r.purwantaraUuid },
  { key: "mode", kind: "text", get: (r) => r.mode },
  { key: "channel", kind: "text", get: (r) => r.channel },
  { key: "bank", kind: "text", get: (r) => r.bank },
  { key: "payment_channel", kind: "text", get: (r) => r.paymentChannel },
  { key: "state", kind: "text", get: (r) => r.state },
  { key: "raw_status", kind: "text", get: (r) => r.rawStatus },
  { key: "title", kind: "text", get: (r) => r.title },
  { key: "description", kind: "text", get: (r) => r.description },
  { key: "amount", kind: "number", sheet: "rupiah", get: (r) => plain(r.amount) },
  { key: "fee", kind: "number", sheet: "rupiah", get: (r) => plain(r.fee) },
  { key: "total", kind: "number", sheet: "rupiah", get: (r) => plain(r.total) },
  { key: "net", kind: "number", sheet: "rupiah", get: (r) => net(r) },
  { key: "refunded", kind: "number", sheet: "rupiah", get: (r) => plain(r.refunded) },
  { key: "customer_name", kind: "text", get: (r) => r.customerName },
  { key: "customer_email", kind: "text", get: (r) => r.customerEmail },
  { key: "customer_phone", kind: "identifier", get: (r) => r.customerPhone },
  { key: "va_number", kind: "identifier", get: (r) => r.vaNumber },
  { key: "payment_code", kind: "identifier", get: (r) => r.paymentCode },
  { key: "created_at", kind: "text", sheet: "time", get: (r, z) => iso(r.createdAt, z) },
  { key: "expires_at", kind: "text", sheet: "time", get: (r, z) => iso(r.expiresAt, z) },
  { key: "paid_at", kind: "text", sheet: "time", get: (r, z) => iso(r.paidAt, z) },
  { key: "settled_at", kind: "text", sheet: "time", get: (r, z) => iso(r.settledAt, z) },
  { key: "created_by", kind: "text", get: (r) => r.createdByEmail },
  { key: "flags", kind: "text", get: (r) => (r.flags.length ? r.flags.join(" ") : null) },
] as const satisfies readonly ExportColumn[];

export type ExportColumnKey = (typeof exportColumns)[number]["key"];

export const exportColumnKinds: readonly CsvCellKind[] = exportColumns.map((c) => c.kind);

/** The header row in the person's language; a time column names the zone its times are in. */
export function exportHeader(locale: Locale, zone: TimeZone): string[] {
  const names = messagesFor(locale).export.columns;
  const abbreviation = timeZones[zone].abbreviation;
  return exportColumns.map((c) =>
    "sheet" in c && c.sheet === "time" ? `${names[c.key]} (${abbreviation})` : names[c.key],
  );
}

/** Excel's number formats of the XLSX's rupiah and time columns. */
export const sheetFormats = {
  rupiah: '"Rp"#,##0.00;-"Rp"#,##0.00',
  time: "dd/mm/yyyy hh:mm:ss",
} as const;

/**
 * A value as an XLSX cell: a number for amounts; for a time (ISO with the viewer's
 * offset), a Date whose clock reads that wall-clock time, since a spreadsheet's dates
 * have no zone (the header names it).
 */
export function sheetValue(
  value: string | null,
  column: { kind: CsvCellKind; sheet?: "rupiah" | "time" },
): string | number | Date | null {
  if (value === null) return null;
  if (column.sheet === "time") return new Date(`${value.slice(0, 19)}Z`);
  return column.kind === "number" ? Number(value) : value;
}

/** One row's values, in column order. */
export function exportValues(row: ExportRow, zone: TimeZone): (string | null)[] {
  return exportColumns.map((c) => c.get(row, zone));
}

/** "10000.5000" → "10000.5", "10000.0000" → "10000". */
export function plain(value: string | null): string | null {
  if (value === null || value === undefined) return null;
  return value.includes(".") ? value.replace(/0+$/, "").replace(/\.$/, "") : value;
}

/**
 * Amount minus fee, exact, for paid and settled rows whose fee is known; empty while
 * Purwantara has not reported the fee (unknown, not zero: see ./fees).
 */
function net(row: ExportRow): string | null {
  if (row.state !== "paid" && row.state !== "settled") return null;
  return netOf(row.amount, row.fee);
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
