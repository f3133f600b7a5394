import { getTranslations } from "next-intl/server";
import type { TransactionEvent } from "@/db/schema";
import { getFormatter } from "@/lib/i18n/server";

export async function EventTimeline({ events }: { events: TransactionEvent[] }) {
  const t = await getTranslations();
  const format = await getFormatter();
  return (
    <section
      aria-labelledby="timeline-heading"
      className="rounded-xl bg-white p-5 ring-1 ring-slate-200"
    >
      <h2 id="timeline-heading" className="mb-3 text-sm font-semibold text-slate-900">
        {t("timeline.title")}
      </h2>
      {events.length === 0 ? (
        <p className="text-sm text-slate-600">{t("timeline.empty")}</p>
      ) : (
        <ol className="space-y-3">
          {events.map((e) => (
            <li key={e.id} className="flex gap-3 text-sm">
              <span className="mt-1.5 size-2 shrink-0 rounded-full bg-brand-500" aria-hidden />
              <div className="min-w-0">
                <p className="font-medium text-slate-900">
                  {e.fromState ? `${t(`status.${e.fromState}`)} → ` : ""}
                  {t(`status.${e.toState}`)}
                  {e.rawStatus ? (
                    <span className="ml-2 font-mono text-xs text-slate-600">{e.rawStatus}</span>
                  ) : null}
                </p>
                <p className="text-slate-600">
                  {format.dateTime(e.createdAt)} · {t(`timeline.source.${e.source}`)}
                </p>
                {/* The recorded technical note, as stored (not interface text). */}
                {e.note ? (
                  <p className="font-mono text-xs break-words text-slate-600">{e.note}</p>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
