import { getTranslations } from "next-intl/server";
import type { Formatter } from "@/lib/format";
import type { InboxView } from "@/lib/webhooks/inbox-view";
import { ReverifyForm } from "./reverify-form";

const frame = "rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200";

/**
 * Beside the log of applied deliveries: those received and not yet applied (on disk,
 * waiting for a drainer), and, for admins, those whose signature matched no secret,
 * kept to re-verify once the secret is fixed.
 */
export async function InboxPanel({ view, format }: { view: InboxView; format: Formatter }) {
  const t = await getTranslations("callbacks.inbox");
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <section aria-labelledby="inbox-pending-heading" className={frame}>
        <h2 id="inbox-pending-heading" className="text-sm font-semibold text-slate-900">
          {t("pendingTitle", { count: view.pending.length })}
        </h2>
        {view.pending.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">{t("pendingNone")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100 text-sm">
            {view.pending.map((p) => (
              <li key={p.id} className="flex flex-wrap justify-between gap-x-3 py-1.5">
                <span className="font-mono break-all text-slate-800">{p.deliveryId ?? "—"}</span>
                <span className="text-slate-700">
                  {format.dateTime(p.receivedAt)}
                  {p.attempts > 0 ? ` · ${t("attempts", { count: p.attempts })}` : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {view.quarantine ? (
        <section aria-labelledby="quarantine-heading" className={frame}>
          <h2 id="quarantine-heading" className="text-sm font-semibold text-slate-900">
            {t("quarantineTitle", { count: view.quarantine.totals.count })}
          </h2>
          <p className="mt-1 text-sm text-slate-700">{t("quarantineHint")}</p>
          {view.quarantine.recent.length > 0 ? (
            <ul className="mt-2 divide-y divide-slate-100 text-sm">
              {view.quarantine.recent.map((q) => (
                <li key={q.id} className="flex flex-wrap justify-between gap-x-3 py-1.5">
                  <span className="font-mono break-all text-slate-800">{q.deliveryId ?? "—"}</span>
                  <span className="text-slate-700">{format.dateTime(q.receivedAt)}</span>
                </li>
              ))}
            </ul>
          ) : null}
          {/* Always there: its result stays on screen after the list it emptied. */}
          <ReverifyForm />
        </section>
      ) : null}
    </div>
  );
}
