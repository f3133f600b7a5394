import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/server";
import { describeRecordedNote } from "@/lib/i18n/recorded-note";
import { stateChangeNote } from "@/lib/payments/recorded-notes";
import type { TimelineEntry } from "@/lib/payments/transaction-detail";

/**
 * The transaction's one timeline: its creation and every state change (dashboard,
 * callback, status check, staff), and every callback delivery, also those that changed
 * nothing (duplicate, stale, held for review), each with its verdict and a link to it.
 */
export async function EventTimeline({
  entries,
  gatewayCallsHref,
}: {
  entries: TimelineEntry[];
  /** The payment's calls to Purwantara, for those who may read the gateway call log. */
  gatewayCallsHref?: string;
}) {
  const t = await getTranslations();
  const format = await getFormatter();
  return (
    <section
      aria-labelledby="timeline-heading"
      className="rounded-xl bg-white p-5 ring-1 ring-slate-200"
    >
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="timeline-heading" className="text-sm font-semibold text-slate-900">
          {t("timeline.title")}
        </h2>
        {gatewayCallsHref ? (
          <Link
            href={gatewayCallsHref}
            className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 hover:underline md:min-h-0"
          >
            {t("timeline.gatewayCalls")}
          </Link>
        ) : null}
      </div>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-600">{t("timeline.empty")}</p>
      ) : (
        <ol className="space-y-3">
          {entries.map((entry) => {
            const delivery = entry.delivery;
            const key = entry.kind === "event" ? entry.event.id : delivery!.id;
            // The state change is the entry's heading: its note says only what else happened.
            const note =
              entry.kind === "event" && entry.event.note
                ? describeRecordedNote(t, format, entry.event.note, stateChangeNote)
                : "";
            return (
              <li key={key} className="flex gap-3 text-sm">
                <span
                  className={`mt-1.5 size-2 shrink-0 rounded-full ${entry.kind === "event" ? "bg-brand-500" : "bg-slate-400"}`}
                  aria-hidden
                />
                <div className="min-w-0">
                  {entry.kind === "event" ? (
                    <p className="font-medium text-slate-900">
                      {entry.event.fromState ? `${t(`status.${entry.event.fromState}`)} → ` : ""}
                      {t(`status.${entry.event.toState}`)}
                      {entry.event.rawStatus ? (
                        <span className="ml-2 font-mono text-xs text-slate-600">
                          {entry.event.rawStatus}
                        </span>
                      ) : null}
                    </p>
                  ) : (
                    <p className="font-medium text-slate-900">
                      {t("timeline.callback", {
                        outcome: t(`timeline.outcome.${entry.delivery.outcome}`),
                      })}
                      {entry.delivery.rawStatus ? (
                        <span className="ml-2 font-mono text-xs text-slate-600">
                          {entry.delivery.rawStatus}
                        </span>
                      ) : null}
                    </p>
                  )}
                  <p className="text-slate-600">
                    {format.dateTime(entry.at)} ·{" "}
                    {entry.kind === "event"
                      ? entry.event.source === "api" && !entry.event.fromState
                        ? t("timeline.createdHere")
                        : t(`timeline.source.${entry.event.source}`)
                      : t("timeline.source.webhook")}
                    {entry.kind === "event" && delivery
                      ? ` · ${t(`timeline.outcome.${delivery.outcome}`)}`
                      : ""}
                  </p>
                  {delivery?.replayOf ? (
                    <p className="text-xs text-slate-600">{t("timeline.replay")}</p>
                  ) : null}
                  {delivery?.resolution ? (
                    <p className="text-xs text-slate-600">
                      {/* The resolution as recorded by the person who made it. */}
                      {t("timeline.resolved", { resolution: delivery.resolution })}
                    </p>
                  ) : null}
                  {note ? <p className="text-xs break-words text-slate-600">{note}</p> : null}
                  {entry.kind === "delivery" && entry.delivery.reason ? (
                    <p className="text-xs break-words text-slate-600">
                      {describeRecordedNote(t, format, entry.delivery.reason)}
                    </p>
                  ) : null}
                  {delivery ? (
                    <Link
                      href={`/callbacks/${delivery.id}`}
                      className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 hover:underline md:min-h-0"
                    >
                      {t("timeline.viewCallback")}
                    </Link>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
