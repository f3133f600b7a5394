import "server-only";
import { createHash } from "node:crypto";
import { listRefundsForExport, type RefundExportRow } from "@/db/queries/refunds-export";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/db/client";
import type { GatewayMode } from "@/lib/core/modes";
import type { Locale } from "@/lib/i18n/config";
import { messagesFor } from "@/lib/i18n/messages";
import { toZonedIso, type TimeZone } from "@/lib/core/time";
import { csvLine, type CsvCellKind, type CsvSeparator } from "./csv-format";
import { plain } from "./export-columns";
import type { Day } from "@/lib/core/time";

type Words = ReturnType<typeof messagesFor>["refunds"];
type Column = {
  key: keyof ReturnType<typeof messagesFor>["export"]["refundColumns"];
  kind: CsvCellKind;
  get: (r: RefundExportRow, zone: TimeZone, words: Words) => string | null;
};

const time = (d: Date | null, zone: TimeZone) => (d ? toZonedIso(d, zone) : null);

/** The refunds file's columns, in order; reasons, methods and states in the reader's words. */
const refundColumns: Column[] = [
  { key: "refunded_on", kind: "text", get: (r) => r.refundedOn },
  { key: "id", kind: "identifier", get: (r) => r.id },
  { key: "transaction_id", kind: "identifier", get: (r) => r.transactionId },
  { key: "external_id", kind: "identifier", get: (r) => r.externalId },
  { key: "payment_amount", kind: "number", get: (r) => plain(r.paymentAmount) },
  { key: "amount", kind: "number", get: (r) => plain(r.amount) },
  { key: "state", kind: "text", get: (r, _z, w) => w.state[r.state as "approved"] },
  { key: "reason", kind: "text", get: (r, _z, w) => w.reason[r.reason as "other"] },
  { key: "note", kind: "text", get: (r) => r.note },
  { key: "method", kind: "text", get: (r, _z, w) => w.method[r.method as "cash"] },
  { key: "bank", kind: "text", get: (r) => r.bank },
  { key: "account", kind: "identifier", get: (r) => r.account },
  { key: "requested_by", kind: "text", get: (r) => r.requestedBy },
  { key: "requested_at", kind: "text", get: (r, z) => time(r.requestedAt, z) },
  { key: "decided_by", kind: "text", get: (r) => r.decidedBy },
  { key: "decided_at", kind: "text", get: (r, z) => time(r.decidedAt, z) },
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

/**
 * The refunds dated `from` to `to` as a CSV in the reader's language and Excel dialect
 * (UTF-8 with BOM), put on record in the audit log with its rows and SHA-256.
 */
export async function refundsCsv(request: RefundFileRequest): Promise<string> {
  const { mode, from, to, zone, locale, separator } = request;
  const messages = messagesFor(locale);
  const rows = await listRefundsForExport(mode, from, to);
  const kinds = refundColumns.map((c) => c.kind);
  let text = `\ufeff${csvLine(
    refundColumns.map((c) => messages.export.refundColumns[c.key]),
    [],
    separator,
  )}`;
  for (const row of rows) {
    text += csvLine(
      refundColumns.map((c) => c.get(row, zone, messages.refunds)),
      kinds,
      separator,
    );
  }
  await recordAudit(getDb(), {
    action: "export.refunds_csv",
    actorId: request.user.id,
    mode,
    target: { type: "refunds", id: `${from}..${to}` },
    details: {
      from,
      to,
      separator,
      rows: rows.length,
      sha256: createHash("sha256").update(text).digest("hex"),
    },
  });
  return text;
}
