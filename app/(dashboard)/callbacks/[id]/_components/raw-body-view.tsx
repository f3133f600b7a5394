import { useTranslations } from "next-intl";
import type { RawBodyView } from "@/lib/webhooks/raw-body";

/** The body twice: formatted JSON beside the exact bytes, invisible characters spelled out. */
export function RawBody({ view }: { view: RawBodyView }) {
  const t = useTranslations("callbacks.detail");
  const box =
    "max-h-[32rem] overflow-y-auto rounded-md bg-slate-900 p-3 font-mono text-xs leading-relaxed break-all whitespace-pre-wrap text-slate-100";
  return (
    <section
      aria-labelledby="body-heading"
      className="rounded-xl bg-white p-5 ring-1 ring-slate-200"
    >
      <h2 id="body-heading" className="text-sm font-semibold text-slate-900">
        {t("body")}{" "}
        <span className="font-normal text-slate-600">{t("size", { size: view.size })}</span>
      </h2>
      {view.validUtf8 ? null : (
        <p className="mt-2 text-sm font-medium text-amber-900">{t("notUtf8")}</p>
      )}
      <div className="mt-3 grid gap-4 lg:grid-cols-2">
        <div className="min-w-0 space-y-1.5">
          <h3 className="text-xs font-medium tracking-wide text-slate-600 uppercase">
            {t("pretty")}
          </h3>
          {view.pretty !== null ? (
            // Focusable: a scrolling region must be reachable by keyboard.
            <pre tabIndex={0} aria-label={t("pretty")} className={box}>
              {view.pretty}
            </pre>
          ) : (
            <p className="rounded-md bg-slate-50 p-3 text-sm text-slate-700 ring-1 ring-slate-200">
              {t(view.prettyProblem ?? "notJson")}
            </p>
          )}
        </div>
        <div className="min-w-0 space-y-1.5">
          <h3 className="text-xs font-medium tracking-wide text-slate-600 uppercase">
            {t("exact")}
          </h3>
          <pre tabIndex={0} aria-label={t("exact")} className={box}>
            {view.exact.map((segment, i) =>
              segment.escaped ? (
                <mark key={i} className="rounded-sm bg-amber-300 px-0.5 text-slate-950">
                  {segment.text}
                </mark>
              ) : (
                <span key={i}>{segment.text}</span>
              ),
            )}
          </pre>
          <p className="text-xs text-slate-600">{t("exactHint")}</p>
        </div>
      </div>
    </section>
  );
}
