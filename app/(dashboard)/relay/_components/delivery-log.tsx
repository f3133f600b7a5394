import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { ConfirmActionForm } from "@/components/ui/confirm-action-form";
import type { ActionState } from "@/lib/actions/action-state";
import { getFormatter } from "@/lib/i18n/server";
import type { RelayLogEntry } from "@/lib/relay/view";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

/** An endpoint's deliveries: event, state, the receiver's status and answer, latency, tries; replay. */
export async function DeliveryLog({ rows, replay }: { rows: RelayLogEntry[]; replay: Action }) {
  const t = await getTranslations("relay");
  const format = await getFormatter();
  if (rows.length === 0)
    return <EmptyState title={t("log.empty.title")}>{t("log.empty.body")}</EmptyState>;
  const eventName = (type: string) => {
    const key = `event.${type}` as "event.payment.paid";
    return t.has(key) ? t(key) : type;
  };
  return (
    <ul className="divide-y divide-slate-200" aria-label={t("log.title")}>
      {rows.map((row) => (
        <li key={row.id} className="space-y-2 py-3 text-sm">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span className="font-medium text-slate-900">{eventName(row.eventType)}</span>
            <span className="text-slate-700">{t(`log.state.${row.state}`)}</span>
            <span className="text-slate-600">
              {format.dateTime(row.lastTriedAt ?? row.createdAt)}
            </span>
          </div>
          <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-slate-700 sm:grid-cols-4">
            <div>
              <dt className="text-xs text-slate-600">{t("log.status")}</dt>
              <dd>{row.lastStatus ?? "—"}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-600">{t("log.latency")}</dt>
              <dd>{row.lastLatencyMs === null ? "—" : t("log.ms", { ms: row.lastLatencyMs })}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-600">{t("log.tries")}</dt>
              <dd>{format.number(row.tries)}</dd>
            </div>
            <div className="col-span-2 sm:col-span-1">
              <dt className="text-xs text-slate-600">{t("log.answer")}</dt>
              <dd className="font-mono text-xs break-all">
                {row.lastAnswer?.slice(0, 200) || "—"}
              </dd>
            </div>
          </dl>
          {row.history.length > 1 ? (
            <details className="text-xs text-slate-700">
              <summary className="min-h-11 cursor-pointer py-2 sm:min-h-0 sm:py-0">
                {t("log.history", { count: row.history.length })}
              </summary>
              <ol className="mt-1 space-y-1">
                {row.history.map((attempt) => (
                  <li key={attempt.at.toISOString()} className="flex flex-wrap gap-x-2 break-all">
                    <span className="text-slate-600">{format.dateTime(attempt.at)}</span>
                    <span className="font-medium">{attempt.status ?? t("log.noAnswer")}</span>
                    {attempt.latencyMs === null ? null : (
                      <span>{t("log.ms", { ms: attempt.latencyMs })}</span>
                    )}
                    <span className="font-mono">{attempt.answer.slice(0, 120)}</span>
                  </li>
                ))}
              </ol>
            </details>
          ) : null}
          {row.state === "delivered" || row.state === "failed" ? (
            <ConfirmActionForm
              action={replay}
              fields={{ delivery: row.id }}
              label={t("log.replay")}
              pendingLabel={t("log.replaying")}
              triggerLabel={t("log.replayOf", { event: eventName(row.eventType) })}
              words={{
                title: t("log.replayConfirm.title"),
                stops: t("log.replayConfirm.body"),
                confirm: t("log.replay"),
              }}
            />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
