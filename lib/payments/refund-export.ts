import "server-only";
import { createHash } from "node:crypto";
import { listRefundsForExport, type RefundExportRow } from "@/db/queries/refunds-export";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/db/client";
import type { GatewayMode } from "@/lib/core/modes";
import type { Locale } from "@/lib/i18n/config";
import { messagesFor } from "@/lib/i18n/messages";
import { timeZones, toZonedIso, type TimeZone } from "@/lib/core/time";
import { csvLine, type CsvCellKind, type CsvSeparator } from "./csv-format";
import { plain, sheetFormats, sheetValue, type SheetKind } from "./export-columns";
import type { Day } from "@/lib/core/time";

type Words = ReturnType<typeof messagesFor>["refunds"];
type Column = {
  key: keyof ReturnType<typeof messagesFor>["export"]["refundColumns"];
  kind: CsvCellKind;
  /** In the XLSX: rupiah as a number shown as money, a time or a day as a date. */
  sheet?: SheetKind;
  get: (r: RefundExportRow, zone: TimeZone, words: Words) => string | null;
};

const time = (d: Date | null, zone: TimeZone) => (d ? toZonedIso(d, zone) : null);

/** The refunds file's columns, in order; reasons, methods and states in the reader's words. */
const refundColumns: Column[] = [
  { key: "refunded_on", kind: "text", sheet: "day", get: (r) => r.refundedOn },
  { key: "id", kind: "identifier", get: (r) => r.id },
  { key: "transaction_id", kind: "identifier", get: (r) => r.transactionId },
  { key: "external_id", kind: "identifier", get: (r) => r.externalId },
  { key: "payment_amount", kind: "number", sheet: "rupiah", get: (r) => plain(r.paymentAmount) },
  { key: "amount", kind: "number", sheet: "rupiah", get: (r) => plain(r.amount) },
  { key: "state", kind: "text", get: (r, _z, w) => w.state[r.state as "approved"] },
  { key: "reason", kind: "text", get: (r, _z, w) => w.reason[r.reason as "other"] },
  { key: "note", kind: "text", get: (r) => r.note },
  { key: "method", kind: "text", get: (r, _z, w) => w.method[r.method as "cash"] },
  { key: "bank", kind: "text", get: (r) => r.bank },
  { key: "account", kind: "identifier", get: (r) => r.account },
  { key: "requested_by", kind: "text", get: (r) => r.requestedBy },
  { key: "requested_at", kind: "text", sheet: "time", get: (r, z) => time(r.requestedAt, z) },
  { key: "decided_by", kind: "text", get: (r) => r.decidedBy },
  { key: "decided_at", kind: "text", sheet: "time", get: (r, z) => time(r.decidedAt, z) },
  { key: "decision_note", kind: "text", get: (r) => r.decisionNote },
];

export type RefundFileRequest = {
  user: { id: string };
  mode: GatewayMode;
  from: Day;
  to: Day;
  zone: TimeZone;
  locale: Locale;
  separator: CsvSeparator;
};

/** The header row in the reader's language; a time column names the zone its times are in. */
function refundHeader(locale: Locale, zone: TimeZone): string[] {
  const names = messagesFor(locale).export.refundColumns;
  const zoned = (c: Column) => c.sheet === "time";
  return refundColumns.map((c) =>
    zoned(c) ? `${names[c.key]} (${timeZones[zone].abbreviation})` : names[c.key],
  );
}

/**
 * The refunds dated `from` to `to` as a CSV in the reader's language and Excel dialect
 * (UTF-8 with BOM), put on record in the audit log with its rows and SHA-256.
 */
export async function refundsCsv(request: RefundFileRequest): Promise<string> {
  const { mode, from, to, zone, locale, separator } = request;
  const messages = messagesFor(locale);
  const rows = await listRefundsForExport(mode, from, to);
  const kinds = refundColumns.map((c) => c.kind);
  let text = `\ufeff${csvLine(refundHeader(locale, zone), [], separator)}`;
  for (const row of rows) {
    text += csvLine(
      refundColumns.map((c) => c.get(row, zone, messages.refunds)),
      kinds,
      separator,
    );
  }
  await recordRefundsExport(request, "export.refunds_csv", rows.length, text, { separator });
  return text;
}

/**
 * The same refunds as an Excel workbook: rupiah as numbers in the rupiah format, times
 * as dates on the reader's zone's clock (the header names the zone), days as dates, as
 * the transactions XLSX writes them; audited with its rows and SHA-256.
 */
export async function refundsXlsx(request: RefundFileRequest): Promise<Buffer> {
  const { mode, from, to, zone, locale } = request;
  const words = messagesFor(locale).refunds;
  const rows = await listRefundsForExport(mode, from, to);
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("refunds");
  sheet.addRow(refundHeader(locale, zone));
  for (const row of rows) {
    const added = sheet.addRow(refundColumns.map((c) => sheetValue(c.get(row, zone, words), c)));
    refundColumns.forEach((c, i) => {
      if (c.sheet) added.getCell(i + 1).numFmt = sheetFormats[c.sheet];
    });
  }
  const file = Buffer.from(await workbook.xlsx.writeBuffer());
  await recordRefundsExport(request, "export.refunds_xlsx", rows.length, file, {});
  return file;
}

/** Puts a refunds file on record: who, which mode and days, how many rows, its SHA-256. */
async function recordRefundsExport(
  request: RefundFileRequest,
  action: "export.refunds_csv" | "export.refunds_xlsx",
  rows: number,
  file: string | Buffer,
  extra: Record<string, string>,
) {
  const { from, to } = request;
  await recordAudit(getDb(), {
    action,
    actorId: request.user.id,
    mode: request.mode,
    target: { type: "refunds", id: `${from}..${to}` },
    details: {
      from,
      to,
      ...extra,
      rows,
      sha256: createHash("sha256").update(file).digest("hex"),
    },
  });
}
