import "server-only";
import { createHash } from "node:crypto";
import { PassThrough } from "node:stream";
import type { TransactionTotals } from "@/db/queries/transaction-list";
import { errorFacts, logFor } from "@/lib/log";
import { exportAudit } from "./export-audit";
import { writeExportFile } from "./export-writers";
import { exportFileName, type ExportRequest, type ExportResult } from "./transaction-export";

/** Resolves when `out` can take more, or is gone. */
function drainedOf(out: PassThrough): () => Promise<void> {
  return () =>
    out.writableNeedDrain && !out.destroyed
      ? new Promise<void>((res) => {
          const done = () => {
            out.off("drain", done);
            out.off("close", done);
            res();
          };
          out.on("drain", done);
          out.on("close", done);
        })
      : Promise.resolve();
}

/** Resolves at the stream's end; rejects if it errors or is destroyed before it. */
function endOf(out: PassThrough): Promise<void> {
  const end = new Promise<void>((res, rej) => {
    out.on("end", res);
    out.on("error", rej);
    // Destroyed by a reader that left before the end: a no-op once "end" has resolved.
    out.on("close", () => rej(new Error("export stream closed before its end")));
  });
  // Awaited only at the end of a successful run; an early close is reported by `done`.
  end.catch(() => undefined);
  return end;
}

/** Promise.withResolvers, which Node 20 lacks; marked handled (the route awaits it). */
function resolvers<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

type Progress = { rows: number; bytes: number; sent: number; onRecord: boolean };

/** The response body: pulls from `out`, ends once `done` (the audit entry) is settled. */
function webBody(
  out: PassThrough,
  done: Promise<unknown>,
  abort: AbortController,
  progress: Progress,
): ReadableStream<Uint8Array> {
  const settle = (end: () => void) => {
    try {
      end();
    } catch {
      // Cancelled by the reader meanwhile: nothing to close.
    }
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        out.on("data", (chunk: Buffer) => {
          // A chunk already on its way when the reader left has nowhere to go.
          if (abort.signal.aborted) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length));
          progress.sent += chunk.length;
          if ((controller.desiredSize ?? 1) <= 0) out.pause();
        });
        // The file ends only once its audit entry is written: a download that completes
        // is always on record as such (and one whose audit write failed ends in an error).
        done.then(
          () => settle(() => controller.close()),
          (error: unknown) => settle(() => controller.error(error)),
        );
      },
      pull() {
        out.resume();
      },
      cancel(reason) {
        abort.abort(reason ?? new Error("export cancelled"));
        out.destroy();
      },
    },
    { highWaterMark: 4 },
  );
}

/**
 * Streams the filtered set as CSV or XLSX. Rows come from a PostgreSQL cursor in one
 * snapshot, a batch at a time, so memory stays flat at any size. Before the first byte
 * the export is on record (`export.started`, lib/payments/export-audit.ts); `started`
 * resolves then, with the totals, so the response can carry the row count for a
 * progress bar. The bytes are hashed as they leave; the file ends once
 * `export.completed` (rows, bytes, SHA-256) is written. A reader that goes away, or a
 * failure, leaves `export.aborted` with the rows written and the bytes handed to the
 * response so far.
 */
export function streamExport(request: ExportRequest): {
  body: ReadableStream<Uint8Array>;
  started: Promise<TransactionTotals>;
  done: Promise<ExportResult>;
} {
  const audit = exportAudit({ ...request, fileName: exportFileName(request) });
  const hash = createHash("sha256");
  const out = new PassThrough({ highWaterMark: 256 * 1024 });
  const abort = new AbortController();
  const progress: Progress = { rows: 0, bytes: 0, sent: 0, onRecord: false };
  const started = resolvers<TransactionTotals>();
  const end = endOf(out);
  out.on("data", (chunk: Buffer) => {
    hash.update(chunk);
    progress.bytes += chunk.length;
  });
  // Nothing flows until the web stream is pulled, which the route allows only once
  // `started` resolved; "data" listeners above see each chunk once.
  out.pause();

  const produce = async (): Promise<ExportResult> => {
    let totals: TransactionTotals | undefined;
    await writeExportFile(request, {
      out,
      signal: abort.signal,
      onTotals: async (t) => {
        totals = t;
        await audit.started(t);
        progress.onRecord = true;
        started.resolve(t);
      },
      onRows: (count) => void (progress.rows += count),
      drained: drainedOf(out),
    });
    await end;
    const { rows, bytes } = progress;
    const result: ExportResult = { rows, bytes, totals: totals!, sha256: hash.digest("hex") };
    await audit.ended({ outcome: "completed", ...result });
    return result;
  };

  const done = produce();
  done.catch(async (error: unknown) => {
    started.reject(error);
    out.destroy(error instanceof Error ? error : new Error(String(error)));
    if (!progress.onRecord) return;
    const reason = abort.signal.aborted ? "client_gone" : "failed";
    await audit
      .ended({ outcome: "aborted", rows: progress.rows, bytes: progress.sent, reason })
      .catch((auditError: unknown) =>
        logFor("export").error({ err: errorFacts(auditError) }, "export.aborted not recorded"),
      );
  });
  return { body: webBody(out, done, abort, progress), started: started.promise, done };
}
