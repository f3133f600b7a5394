import { getTranslations } from "next-intl/server";
import { ConfirmActionForm } from "@/components/ui/confirm-action-form";
import type { OutboxListRow } from "@/db/queries/outbox";
import type { ActionState } from "@/lib/actions/action-state";
import { getFormatter } from "@/lib/i18n/server";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

const stateTone = {
  pending: "bg-slate-100 text-slate-800",
  sending: "bg-sky-50 text-sky-900",
  sent: "bg-emerald-50 text-emerald-900",
  failed: "bg-rose-50 text-rose-900",
} as const;

/** Each email: recipient, kind, state, tries, last error, times in the viewer's zone; resend. */
export async function OutboxList({ rows, resend }: { rows: OutboxListRow[]; resend: Action }) {
  const t = await getTranslations("outbox");
  const format = await getFormatter();
  const kind = (template: string) => {
    const key = `template.${template}` as "template.test";
    return t.has(key) ? t(key) : t("template.other");
  };
  return (
    <ul className="divide-y divide-slate-200" aria-label={t("listLabel")}>
      {rows.map((row) => (
        <li key={row.id} className="space-y-2 py-3 text-sm">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span className="min-w-0 font-medium break-all text-slate-900">{row.recipient}</span>
            <span className="text-slate-700">{kind(row.template)}</span>
            <span className={`rounded px-2 py-0.5 text-xs font-medium ${stateTone[row.state]}`}>
              {t(`state.${row.state}`)}
            </span>
          </div>
          <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-slate-700 sm:grid-cols-4">
            <div>
              <dt className="text-xs text-slate-600">{t("created")}</dt>
              <dd>{format.dateTime(row.createdAt)}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-600">{t("sentAt")}</dt>
              <dd>{row.sentAt ? format.dateTime(row.sentAt) : "—"}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-600">{t("tries")}</dt>
              <dd>{format.number(row.tries)}</dd>
            </div>
            <div className="col-span-2 sm:col-span-1">
              <dt className="text-xs text-slate-600">{t("lastError")}</dt>
              <dd className="font-mono text-xs break-all">{row.lastError?.slice(0, 300) || "—"}</dd>
            </div>
          </dl>
          {row.state === "sent" || row.state === "failed" ? (
            <ConfirmActionForm
              action={resend}
              fields={{ id: row.id }}
              label={t("resend")}
              pendingLabel={t("resending")}
              triggerLabel={t("resendTo", { to: row.recipient })}
              words={{
                title: t("resendConfirm.title"),
                stops: t("resendConfirm.body"),
                confirm: t("resend"),
              }}
            />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
