"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useFormat } from "@/components/format/use-format";
import { buttonClass } from "@/components/ui/button-class";

type Progress =
  | { kind: "idle" }
  | { kind: "running"; format: "csv" | "xlsx"; rows: number; total: number; bytes: number }
  | { kind: "done"; name: string; count: number }
  | { kind: "failed"; error: string }
  | { kind: "cancelled" };

/**
 * CSV and Excel export of exactly the filtered set. The file is fetched and read as a
 * stream, so a progress bar shows rows (CSV: counted line by line against the
 * X-Export-Rows header) or bytes (Excel is compressed), then saved under the file name
 * the server gave it.
 */
export function ExportButtons({ query, count }: { query: string; count: number }) {
  const t = useTranslations("export");
  const format = useFormat();
  const [progress, setProgress] = useState<Progress>({ kind: "idle" });
  const abort = useRef<AbortController | null>(null);

  const run = async (kind: "csv" | "xlsx") => {
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ kind: "running", format: kind, rows: 0, total: count, bytes: 0 });
    try {
      const { downloadExport } = await import("./export-download");
      const outcome = await downloadExport(
        kind,
        query,
        count,
        (p) => setProgress({ kind: "running", format: kind, ...p }),
        controller.signal,
      );
      setProgress(
        outcome.ok
          ? { kind: "done", name: outcome.name, count: outcome.count }
          : { kind: "failed", error: t(outcome.status === 403 ? "forbidden" : "unavailable") },
      );
    } catch (error) {
      if (controller.signal.aborted) setProgress({ kind: "cancelled" });
      else setProgress({ kind: "failed", error: t("unavailable") });
      void error;
    } finally {
      abort.current = null;
    }
  };

  const running = progress.kind === "running";
  const size = (bytes: number) =>
    bytes > 1_000_000
      ? `${format.number(Math.round(bytes / 100_000) / 10)} MB`
      : `${format.number(Math.round(bytes / 1000))} KB`;

  return (
    <div className="space-y-2">
      <div role="group" aria-label={t("label", { count })} className="flex flex-wrap gap-2">
        <button
          type="button"
          disabled={running}
          onClick={() => run("csv")}
          className={buttonClass("secondary")}
        >
          {t("csv")}
        </button>
        <button
          type="button"
          disabled={running}
          onClick={() => run("xlsx")}
          className={buttonClass("secondary")}
        >
          {t("xlsx")}
        </button>
        {running ? (
          <button
            type="button"
            onClick={() => abort.current?.abort()}
            className={buttonClass("ghost")}
          >
            {t("cancel")}
          </button>
        ) : null}
      </div>
      <div aria-live="polite" className="text-sm text-slate-700">
        {progress.kind === "running" ? (
          <div className="space-y-1">
            <progress
              aria-label={t("progressLabel")}
              className="h-2 w-full max-w-sm accent-brand-600"
              max={progress.format === "csv" && progress.total > 0 ? progress.total : undefined}
              value={
                progress.format === "csv" && progress.total > 0
                  ? Math.min(progress.rows, progress.total)
                  : undefined
              }
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
        ) : progress.kind === "done" ? (
          <p role="status">{t("done", { name: progress.name, count: progress.count })}</p>
        ) : progress.kind === "failed" ? (
          <p role="alert" className="text-rose-700">
            {t("failed", { error: progress.error })}
          </p>
        ) : progress.kind === "cancelled" ? (
          <p role="status">{t("cancelled")}</p>
        ) : null}
      </div>
    </div>
  );
}
