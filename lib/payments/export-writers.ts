import "server-only";
import type { Writable } from "node:stream";
import { streamFilteredTransactions, type TransactionTotals } from "@/db/queries/transaction-list";
import { csvLine } from "./csv-format";
import {
  exportColumnKinds,
  exportColumns,
  exportHeader,
  exportValues,
  sheetFormats,
  sheetValue,
} from "./export-columns";
import type { ExportRequest } from "./transaction-export";
import { worksheetZipInput, zipCaughtUp } from "./xlsx-backpressure";

/**
 * Rows per cursor read. Small on purpose: V8 moves an object to its old generation once
 * it has lived through two young collections, and cleans the old generation only when it
 * has grown to a few times its live size. exceljs allocates ~70 KB of short-lived objects
 * per row, so the rows of a 1,000-row batch lived through several young collections and
 * were promoted (measured: ~135 MB per 100,000 rows; 11–13 MB with 100- to 250-row batches).
 */
const cursorBatchRows = 200;

/** XML (bytes) a batch may leave queued for the zip before the next batch waits. */
const queuedXmlLimit = 1024 * 1024;

/** What a writer is told and asks for while it writes the file into `out`. */
export type FileSink = {
  out: Writable;
  signal: AbortSignal;
  /** Awaited before the first row is read (the export goes on record there). */
  onTotals: (totals: TransactionTotals) => Promise<void>;
  /** Rows now written into `out`. */
  onRows: (count: number) => void;
  /** Resolves once `out` can take more (the reader is keeping up). */
  drained: () => Promise<void>;
};

/** What the file holds and how it is written (the request's own fields). */
export type FileSpec = Pick<ExportRequest, "format" | "resolved" | "zone" | "locale" | "separator">;

async function writeCsv(spec: FileSpec, sink: FileSink) {
  const { resolved, zone, separator } = spec;
  // A BOM so spreadsheet programs read the UTF-8 names right.
  sink.out.write(`\ufeff${csvLine(exportHeader(spec.locale, zone), [], separator)}`);
  await streamFilteredTransactions(resolved, {
    signal: sink.signal,
    batch: cursorBatchRows,
    onTotals: sink.onTotals,
    onRows: async (batch) => {
      let text = "";
      for (const row of batch) {
        text += csvLine(exportValues(row, zone), exportColumnKinds, separator);
      }
      sink.out.write(text);
      sink.onRows(batch.length);
      await sink.drained();
    },
  });
  sink.out.end();
}

async function writeXlsx(spec: FileSpec, sink: FileSink) {
  const { resolved, zone } = spec;
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink.out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet("transactions");
  const zipInput = worksheetZipInput(sheet);
  sheet.addRow(exportHeader(spec.locale, zone)).commit();
  // Rupiah and times in their formats; a cell shares its format's one style record.
  const formats = exportColumns.map((c) => ("sheet" in c ? sheetFormats[c.sheet] : null));
  await streamFilteredTransactions(resolved, {
    signal: sink.signal,
    batch: cursorBatchRows,
    onTotals: sink.onTotals,
    onRows: async (batch) => {
      for (const row of batch) {
        const added = sheet.addRow(exportColumns.map((c) => sheetValue(c.get(row, zone), c)));
        formats.forEach((numFmt, i) => {
          if (numFmt) added.getCell(i + 1).numFmt = numFmt;
        });
        added.commit();
      }
      sink.onRows(batch.length);
      await sink.drained();
      // exceljs gives the zip its XML without backpressure (see xlsx-backpressure):
      // the next batch waits until the zip, paced by the reader, has taken this one.
      await zipCaughtUp(zipInput, queuedXmlLimit, sink.signal);
    },
  });
  sheet.commit();
  await workbook.commit();
}

/**
 * Writes the filtered set as a file of `spec.format` into the sink's stream, headed in
 * `spec.locale`; a CSV in the dialect of `spec.separator` (see ./csv-format).
 */
export function writeExportFile(spec: FileSpec, sink: FileSink): Promise<void> {
  return spec.format === "csv" ? writeCsv(spec, sink) : writeXlsx(spec, sink);
}
