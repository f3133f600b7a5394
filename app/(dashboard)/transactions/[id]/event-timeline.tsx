import type { TransactionEvent } from "@/db/schema";
import { stateLabels } from "@/lib/payments/labels";
import { formatWib } from "@/lib/payments/time";

const sourceLabels = {
  api: "Dashboard",
  webhook: "Purwantara callback",
  sync: "Status check",
  user: "Staff",
} as const;

export function EventTimeline({ events }: { events: TransactionEvent[] }) {
  return (
    <section className="rounded-xl bg-white p-5 ring-1 ring-slate-200">
      <h2 className="mb-3 text-sm font-semibold text-slate-900">Timeline</h2>
      {events.length === 0 ? (
        <p className="text-sm text-slate-500">Nothing has happened yet.</p>
      ) : null}
      <ol className="space-y-3">
        {events.map((e) => (
          <li key={e.id} className="flex gap-3 text-sm">
            <span className="mt-1.5 size-2 shrink-0 rounded-full bg-brand-500" aria-hidden />
            <div>
              <p className="font-medium text-slate-900">
                {e.fromState ? `${stateLabels[e.fromState].label} → ` : ""}
                {stateLabels[e.toState].label}
                {e.rawStatus ? (
                  <span className="ml-2 font-mono text-xs text-slate-500">{e.rawStatus}</span>
                ) : null}
              </p>
              <p className="text-slate-500">
                {formatWib(e.createdAt)} · {sourceLabels[e.source]}
                {e.note ? ` · ${e.note}` : ""}
              </p>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
