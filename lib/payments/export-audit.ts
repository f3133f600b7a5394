import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { getDb } from "@/db/client";
import type { TransactionTotals } from "@/db/queries/transaction-list";
import type { ResolvedFilter } from "@/lib/core/transaction-filter/resolve";
import { recordAudit, type AuditAction } from "@/lib/audit/record";
import type { TimeZone } from "@/lib/core/time";
import type { CsvSeparator } from "./csv-format";
import { serializeTransactionFilter } from "@/lib/core/transaction-filter/url";

export type ExportAuditSubject = {
  resolved: ResolvedFilter;
  zone: TimeZone;
  format: "csv" | "xlsx";
  /** The CSV's dialect, on record for a CSV only (an XLSX has none). */
  separator: CsvSeparator;
  fileName: string;
  actorId: string;
  ip: string | null;
};

/** How an export ended: every byte out, or cut short (the client left, or it failed). */
export type ExportEnding =
  | { outcome: "completed"; rows: number; bytes: number; sha256: string; totals: TransactionTotals }
  | { outcome: "aborted"; rows: number; bytes: number; reason: "client_gone" | "failed" };

/**
 * An export's trail in audit_log: `export.started` before the first byte (who, filter,
 * mode, format, a CSV's separator, the rows expected), then exactly one of
 * `export.completed` (rows, bytes, SHA-256 of the bytes) or `export.aborted` (rows
 * written and bytes sent so far). The entries share an `exportId`, so a cut-short
 * download is on record too.
 */
export function exportAudit(subject: ExportAuditSubject) {
  const exportId = randomUUID();
  const { resolved } = subject;
  let ended = false;

  const write = (action: AuditAction, details: Record<string, unknown>) =>
    getDb().transaction((tx) =>
      recordAudit(tx, {
        action,
        actorId: subject.actorId,
        mode: resolved.mode,
        target: { type: "transactions", id: resolved.mode },
        ip: subject.ip,
        details: { exportId, format: subject.format, ...details },
      }),
    );

  return {
    started(totals: TransactionTotals): Promise<void> {
      const params = serializeTransactionFilter(resolved.filter);
      // The search text may be a buyer's name or email: the log keeps its hash, not the text.
      const q = params.get("q");
      if (q) params.set("q", `sha256:${createHash("sha256").update(q).digest("hex")}`);
      return write("export.started", {
        filter: params.toString(),
        from: resolved.start?.toISOString() ?? null,
        to: resolved.end?.toISOString() ?? null,
        zone: subject.zone,
        ...(subject.format === "csv" ? { separator: subject.separator } : {}),
        fileName: subject.fileName,
        expectedRows: Number(totals.count),
      });
    },
    /** Records how the export ended; only the first ending counts (false for a later one). */
    async ended(ending: ExportEnding): Promise<boolean> {
      if (ended) return false;
      ended = true;
      const { outcome, ...details } = ending;
      await write(outcome === "completed" ? "export.completed" : "export.aborted", details);
      return true;
    },
  };
}
