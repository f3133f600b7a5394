"use client";

import { useTranslations } from "next-intl";
import { lazy, Suspense, useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button-class";
import type { ExportState } from "./export-status";

const loadExport = () => import("./export-status");
const ExportStatus = lazy(() => loadExport().then((m) => ({ default: m.ExportStatus })));

/**
 * CSV and Excel export of exactly the filtered set. The file is fetched and read as a
 * stream, so a progress bar shows rows (CSV: counted line by line against the
 * X-Export-Rows header) or bytes (Excel is compressed), then saved under the file name
 * the server gave it. The download and progress code load on the first export.
 */
export function ExportButtons({ query, count }: { query: string; count: number }) {
  const t = useTranslations("export");
  const [progress, setProgress] = useState<ExportState | null>(null);
  const abort = useRef<AbortController | null>(null);

  const run = async (kind: "csv" | "xlsx") => {
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ kind: "running", format: kind, rows: 0, total: count, bytes: 0 });
    try {
      const { downloadExport } = await loadExport();
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

  const running = progress?.kind === "running";

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
      {/* The live region is on the page from the start, so what fills it is announced. */}
      <div aria-live="polite" className="text-sm text-slate-700">
        {progress ? (
          <Suspense fallback={null}>
            <ExportStatus progress={progress} />
          </Suspense>
        ) : null}
      </div>
    </div>
  );
}
