import "server-only";
import type { TransactionTotals } from "@/db/queries/transaction-list";
import type { ResolvedFilter } from "@/lib/core/transaction-filter/resolve";
import type { Locale } from "@/lib/i18n/config";
import type { TimeZone } from "@/lib/core/time";
import type { CsvSeparator } from "./csv-format";
import { filterFileStem } from "@/lib/core/transaction-filter/range";

export type ExportFormat = "csv" | "xlsx";

export type ExportResult = {
  rows: number;
  totals: TransactionTotals;
  sha256: string;
  bytes: number;
};

export type ExportRequest = {
  resolved: ResolvedFilter;
  zone: TimeZone;
  /** The language of the header row. */
  locale: Locale;
  /** The CSV's dialect (see ./csv-format); an XLSX has none. */
  separator: CsvSeparator;
  format: ExportFormat;
  actorId: string;
  ip: string | null;
  now?: Date;
};

/** The file name: what the filter is and the day it was exported. */
export function exportFileName(request: ExportRequest): string {
  return `${filterFileStem(request.resolved.filter, request.zone, request.now)}.${request.format}`;
}
