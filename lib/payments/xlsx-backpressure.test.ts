import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { queuedXml, worksheetZipInput, zipCaughtUp } from "./xlsx-backpressure";

const limit = 256 * 1024;

function writer() {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet("transactions");
  return { out, workbook, sheet, input: worksheetZipInput(sheet) };
}

function addRows(sheet: ExcelJS.Worksheet, from: number, count: number) {
  for (let i = from; i < from + count; i++) {
    sheet
      .addRow([
        `INV-${i}`,
        `Kopi susu #${i}`,
        150000.5,
        `buyer${i}@example.co.id`,
        "2026-11-25T16:43:05+07:00",
      ])
      .commit();
  }
}

describe("XLSX backpressure", () => {
  it("paces rows to the reader: the XML waiting for the zip stays bounded and the file is whole", async () => {
    const { out, workbook, sheet, input } = writer();
    const chunks: Buffer[] = [];
    out.on("data", (chunk: Buffer) => chunks.push(chunk));
    out.pause();
    const batches = 40;
    const perBatch = 500;
    let mostQueued = 0;
    let waited = 0;
    for (let batch = 0; batch < batches; batch++) {
      addRows(sheet, batch * perBatch, perBatch);
      mostQueued = Math.max(mostQueued, queuedXml(input));
      if (queuedXml(input) > limit) waited++;
      // The file is read only while the writer waits: had it not waited, nothing would
      // have been read and every batch's XML would still be queued.
      const caughtUp = zipCaughtUp(input, limit);
      out.resume();
      await caughtUp;
      out.pause();
    }
    // A batch is ~100 KB of XML: 40 of them unpaced would queue ~4 MB.
    expect(waited).toBeGreaterThan(5);
    expect(mostQueued).toBeLessThan(2 * limit);
    out.resume();
    sheet.commit();
    await workbook.commit();
    await new Promise((resolve) => (out.readableEnded ? resolve(null) : out.once("end", resolve)));

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const read = book.getWorksheet("transactions")!;
    expect(read.rowCount).toBe(batches * perBatch);
    expect(read.getRow(batches * perBatch).getCell(1).value).toBe(`INV-${batches * perBatch - 1}`);
    expect(read.getRow(1).getCell(3).value).toBe(150000.5);
  });

  it("stops waiting when the download is cancelled", async () => {
    const { sheet, input } = writer();
    addRows(sheet, 0, 5000);
    expect(queuedXml(input)).toBeGreaterThan(limit);
    const abort = new AbortController();
    let settled = false;
    const caughtUp = zipCaughtUp(input, limit, abort.signal).then(() => (settled = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    abort.abort();
    await caughtUp;
    expect(settled).toBe(true);
  });
});
