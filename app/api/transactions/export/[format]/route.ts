import { clientIp } from "@/lib/auth/login-limits";
import { routeCaller } from "@/lib/http/route-caller";
import { actingMode } from "@/lib/gateway/config";
import { jsonError } from "@/lib/http/json-error";
import { defaultLocale, isLocale } from "@/lib/i18n/config";
import { defaultCsvSeparator, isCsvSeparator } from "@/lib/payments/csv-format";
import { streamExport } from "@/lib/payments/export-stream";
import { errorFacts, logFor } from "@/lib/log";
import { exportFileName, type ExportFormat } from "@/lib/payments/transaction-export";
import { parseTransactionFilter } from "@/lib/core/transaction-filter/parse";
import { resolveFilter } from "@/lib/core/transaction-filter/resolve";
import { defaultTimeZone, isTimeZone } from "@/lib/core/time";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * GET /api/transactions/export/csv|xlsx?<the list's filter>[&sep=semicolon|comma]: every
 * row of exactly the filtered set, streamed from a PostgreSQL cursor, headed in the
 * person's language. A CSV's separator is `sep`, else the one their language's Excel
 * expects (lib/payments/csv-format.ts). `X-Export-Rows` says how many rows
 * follow (read in the same snapshot as the rows), for the browser's progress bar.
 * On record in audit_log before the first byte (export.started), then as completed (with
 * the file's SHA-256) or aborted (rows and bytes so far) when the download is cut short.
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ format: string }> },
): Promise<Response> {
  const { format } = await params;
  if (format !== "csv" && format !== "xlsx") return jsonError(404, "Unknown export format.");
  const { user, refused } = await routeCaller("transactions:export", {
    signedOut: "Sign in to export transactions.",
    role: "Your role cannot export transactions.",
  });
  if (refused) return refused;
  const search = new URL(request.url).searchParams;
  const { filter } = parseTransactionFilter(search);
  const zone = isTimeZone(user.timeZone) ? user.timeZone : defaultTimeZone;
  const locale = isLocale(user.locale) ? user.locale : defaultLocale;
  const sep = search.get("sep");
  const mode = await actingMode(user);
  const exportRequest = {
    resolved: resolveFilter(filter, mode, zone),
    zone,
    locale,
    separator: isCsvSeparator(sep) ? sep : defaultCsvSeparator(locale),
    format: format as ExportFormat,
    actorId: user.id,
    ip: clientIp(request.headers),
  };
  const { body, started, done } = streamExport(exportRequest);
  done.catch((error: unknown) => {
    logFor("export").error({ format, err: errorFacts(error) }, "export ended early");
  });
  let count: number;
  try {
    // Nothing is sent before the export is on record (export.started).
    count = (await started).count;
  } catch {
    await body.cancel().catch(() => undefined);
    return jsonError(503, "Transactions are temporarily unavailable.");
  }
  const name = exportFileName(exportRequest);
  return new Response(body, {
    headers: {
      "Content-Type":
        format === "csv"
          ? "text/csv; charset=utf-8"
          : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
      "X-Export-Rows": String(count),
      "X-Content-Type-Options": "nosniff",
    },
  });
}
