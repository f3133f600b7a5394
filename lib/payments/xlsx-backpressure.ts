import "server-only";
import type ExcelJS from "exceljs";

/**
 * Backpressure for exceljs's streaming XLSX writer, which has none of its own.
 *
 * A worksheet's XML goes into the zip (archiver) through a StreamBuf that archiver wraps
 * in a PassThrough when the sheet is opened. The StreamBuf, in batch mode, hands each
 * 64 KB of XML to that PassThrough without heeding `write()`'s answer, so XML the zip has
 * not compressed yet queues there: rows are made as fast as the cursor yields them, and
 * at a million rows ~0.9 GB of XML waited in memory. Archiver itself does heed the
 * response stream it is piped into, so the queue to watch is that PassThrough's.
 */

type ZipInput = {
  _writableState: { length: number };
  once(event: "drain" | "close" | "error", listener: () => void): unknown;
  off(event: "drain" | "close" | "error", listener: () => void): unknown;
};

function isZipInput(value: unknown): value is ZipInput {
  const state = (value as { _writableState?: { length?: unknown } } | null)?._writableState;
  return (
    typeof state?.length === "number" &&
    typeof (value as ZipInput).once === "function" &&
    typeof (value as ZipInput).off === "function"
  );
}

/**
 * The stream the zip reads a worksheet's XML from. Throws if exceljs or archiver no
 * longer work this way (an upgrade): an export without backpressure must not ship quietly.
 */
export function worksheetZipInput(sheet: ExcelJS.Worksheet): ZipInput {
  const pipes = (sheet as unknown as { stream?: { pipes?: unknown[] } }).stream?.pipes;
  const input = pipes?.[0];
  if (pipes?.length !== 1 || !isZipInput(input)) {
    throw new Error("exceljs: cannot find the worksheet's zip input to apply backpressure");
  }
  return input;
}

/** Bytes of a worksheet's XML written but not yet taken by the zip. */
export function queuedXml(input: ZipInput): number {
  return input._writableState.length;
}

/**
 * Resolves at once while at most `limit` bytes of XML wait for the zip; otherwise when
 * the zip has taken all of them ("drain": the client has read enough of the file for
 * the zip to go on), or when `signal` aborts or the stream closes (a cancelled download).
 */
export function zipCaughtUp(input: ZipInput, limit: number, signal?: AbortSignal): Promise<void> {
  if (queuedXml(input) <= limit || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      input.off("drain", done);
      input.off("close", done);
      input.off("error", done);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    input.once("drain", done);
    input.once("close", done);
    input.once("error", done);
    signal?.addEventListener("abort", done);
  });
}
