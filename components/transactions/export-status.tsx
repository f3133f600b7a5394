"use client";

import { useTranslations } from "next-intl";
import { useFormat } from "@/components/format/use-format";

// The download code comes with the progress it reports: one chunk, loaded on the first export.
export { downloadExport } from "./export-download";

/** Where an export stands, once one was started. */
export type ExportState =
  | { kind: "running"; format: "csv" | "xlsx"; rows: number; total: number; bytes: number }
  | { kind: "done"; name: string; count: number }
  | { kind: "failed"; error: string }
  | { kind: "cancelled" };

/**
 * The export's progress bar and outcome, inside the buttons' live region. Loaded with the
 * download code when someone first exports: the list's first paint carries neither.
 */
export function ExportStatus({ progress }: { progress: ExportState }) {
  const t = useTranslations("export");
  const format = useFormat();
  const size = (bytes: number) =>
    bytes > 1_000_000
      ? `${format.number(Math.round(bytes / 100_000) / 10)} MB`
      : `${format.number(Math.round(bytes / 1000))} KB`;

  if (progress.kind === "running") {
    const counted = progress.format === "csv" && progress.total > 0;
    return (
      <div className="space-y-1">
        <progress
          aria-label={t("progressLabel")}
          className="h-2 w-full max-w-sm accent-brand-600"
          max={counted ? progress.total : undefined}
          value={counted ? Math.min(progress.rows, progress.total) : undefined}
        />
        <p>
          {progress.bytes === 0
            ? t("preparing")
            : progress.format === "csv"
              ? t("progressRows", {
                  done: format.number(Math.min(progress.rows, progress.total)),
                  total: format.number(progress.total),
                })
              : t("progressBytes", { size: size(progress.bytes) })}
        </p>
      </div>
    );
  }
  if (progress.kind === "done")
    return <p role="status">{t("done", { name: progress.name, count: progress.count })}</p>;
  if (progress.kind === "failed")
    return (
      <p role="alert" className="text-rose-700">
        {t("failed", { error: progress.error })}
      </p>
    );
  return <p role="status">{t("cancelled")}</p>;
}
