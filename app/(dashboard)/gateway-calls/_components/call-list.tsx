import Link from "next/link";
import { CursorPager } from "@/components/ui/cursor-pager";
import { useTranslations } from "next-intl";
import { EmptyState } from "@/components/ui/empty-state";
import type { GatewayCall } from "@/db/schema";
import type { Formatter } from "@/lib/format";
import type { GatewayCallPage } from "@/lib/gateway-calls/list";
import { triggerOf } from "@/lib/core/gateway-calls";
import { callsHref } from "./call-href";

/** Calls newest first, one card each (the bodies need the width), phone and desktop alike. */
export function CallList({ page, format }: { page: GatewayCallPage; format: Formatter }) {
  const t = useTranslations("gatewayCalls");
  return (
    <div className="overflow-hidden rounded-xl bg-white shadow-xs ring-1 ring-slate-200">
      <p className="border-b border-slate-200 px-4 py-2 text-xs text-slate-600">
        {t("count", { count: page.items.length })}
      </p>
      {page.items.length === 0 ? (
        <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100">
          {page.items.map((call) => (
            <CallItem key={call.id} call={call} format={format} />
          ))}
        </ul>
      )}
      <CursorPager
        labels={{ pages: t("pages"), newest: t("newest"), older: t("older") }}
        newestHref={page.query.before ? callsHref({ ...page.query, before: undefined }) : null}
        olderHref={page.nextBefore ? callsHref(page.query, page.nextBefore) : null}
      />
    </div>
  );
}

function CallItem({ call, format }: { call: GatewayCall; format: Formatter }) {
  const t = useTranslations("gatewayCalls");
  const ok = call.outcome === "ok";
  return (
    <li className="space-y-1.5 px-4 py-3 text-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="font-mono text-xs break-all text-slate-900">
          {call.method} {call.endpoint}
        </p>
        <span
          className={`rounded px-1.5 py-0.5 text-xs font-semibold ${ok ? "bg-emerald-50 text-emerald-800" : "bg-rose-50 text-rose-800"}`}
        >
          {call.httpStatus === null
            ? t("noAnswer", { outcome: call.outcome })
            : t("answered", { status: call.httpStatus, outcome: call.outcome })}
        </span>
      </div>
      <p className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-700">
        <span>{format.dateTime(call.calledAt)}</span>
        <span>{t("latency", { ms: call.latencyMs })}</span>
        <Trigger value={call.trigger} />
        {call.transactionId ? (
          <Link
            href={`/transactions/${call.transactionId}`}
            className="text-brand-700 hover:underline"
          >
            {t("payment")}
          </Link>
        ) : null}
      </p>
      <details className="text-xs">
        <summary className="inline-flex min-h-11 cursor-pointer items-center text-brand-700 md:min-h-0">
          {t("bodies")}
        </summary>
        <div className="mt-2 grid gap-2 lg:grid-cols-2">
          <Body label={t("request")} value={call.request} />
          <Body label={t("response")} value={call.response} />
        </div>
      </details>
    </li>
  );
}

function Trigger({ value }: { value: string }) {
  const t = useTranslations("gatewayCalls");
  const trigger = triggerOf(value);
  return <span>{trigger ? t(`trigger.${trigger}`) : t("triggerUnknown")}</span>;
}

function Body({ label, value }: { label: string; value: unknown }) {
  return (
    <div className="min-w-0">
      <p className="font-medium text-slate-800">{label}</p>
      {/* The stored, redacted JSON as it was sent or received (data, not interface text). */}
      <pre className="mt-1 max-h-64 overflow-auto rounded bg-slate-50 p-2 font-mono text-[0.7rem] break-all whitespace-pre-wrap text-slate-800">
        {JSON.stringify(value ?? null, null, 2)}
      </pre>
    </div>
  );
}
