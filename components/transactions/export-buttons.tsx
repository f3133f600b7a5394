"use client";

import { useLocale, useTranslations } from "next-intl";
import { lazy, Suspense, useId, useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button-class";
import { defaultLocale, isLocale } from "@/lib/i18n/config";
import {
  csvSeparators,
  defaultCsvSeparator,
  isCsvSeparator,
  type CsvSeparator,
} from "@/lib/payments/csv-format";
import type { ExportState } from "./export-status";

const loadExport = () => import("./export-status");
const ExportStatus = lazy(() => loadExport().then((m) => ({ default: m.ExportStatus })));

/**
 * CSV and Excel export of exactly the filtered set. The file is fetched and read as a
 * stream, so a progress bar shows rows (CSV: counted line by line against the
 * X-Export-Rows header) or bytes (Excel is compressed), then saved under the file name
 * the server gave it. The download and progress code load on the first export. The CSV's
 * separator is the person's choice, first the one their language's Excel expects.
 */
export function ExportButtons({ query, count }: { query: string; count: number }) {
  const t = useTranslations("export");
  const locale = useLocale();
  const separatorId = useId();
  const [separator, setSeparator] = useState<CsvSeparator>(
    defaultCsvSeparator(isLocale(locale) ? locale : defaultLocale),
  );
  const [progress, setProgress] = useState<ExportState | null>(null);
  const abort = useRef<AbortController | null>(null);

  const run = async (kind: "csv" | "xlsx") => {
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ kind: "running", format: kind, rows: 0, total: count, bytes: 0 });
    try {
      const { downloadExport } = await loadExport();
      const sep = `sep=${separator}`;
      const outcome = await downloadExport(
        kind,
        kind === "csv" ? (query ? `${query}&${sep}` : sep) : query,
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
        <span className="inline-flex items-center gap-2">
          <label htmlFor={separatorId} className="text-sm text-slate-700">
            {t("separator")}
          </label>
          <select
            id={separatorId}
            value={separator}
            disabled={running}
            onChange={(e) => {
              if (isCsvSeparator(e.target.value)) setSeparator(e.target.value);
            }}
            className="min-h-11 rounded-md bg-white px-2 py-2 text-sm shadow-xs ring-1 ring-slate-300 outline-none focus:ring-2 focus:ring-brand-500"
          >
            {csvSeparators.map((s) => (
              <option key={s} value={s}>
                {t(`separators.${s}`)}
              </option>
            ))}
          </select>
        </span>
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
