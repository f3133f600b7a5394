"use client";

import { useActionState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { runCallbackSelfTestAction } from "@/app/(dashboard)/settings/self-test-actions";
import { SubmitButton } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { idleState, type ActionState } from "@/lib/actions/action-state";
import type { SelfTestReport } from "@/lib/ops/callback-self-test";

/**
 * Settings' "Test my callback address": sends a signed self-test through the public
 * address and shows each step (name, connection, TLS, status, time) and the verdict.
 */
export function CallbackSelfTest() {
  const t = useTranslations("settings.selfTest");
  const [state, formAction] = useActionState(
    runCallbackSelfTestAction,
    idleState as ActionState<SelfTestReport>,
  );
  const report = state.status === "success" ? state.result : undefined;
  return (
    <section
      aria-labelledby="self-test-heading"
      className="space-y-4 rounded-xl bg-white p-4 shadow-xs ring-1 ring-slate-200 sm:p-6"
    >
      <h2 id="self-test-heading" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-slate-600">{t("explain")}</p>
      <form action={formAction} className="space-y-4">
        {/* A finished test shows its verdict below, in its own colour; only a refusal shows here. */}
        {state.status === "error" ? <FormAlert state={state} /> : null}
        <SubmitButton pendingText={t("sending")}>{t("send")}</SubmitButton>
      </form>
      <div aria-live="polite">{report ? <SelfTestResult report={report} /> : null}</div>
    </section>
  );
}

const verdictTone: Record<SelfTestReport["verdict"], string> = {
  accepted: "bg-emerald-50 text-emerald-900 ring-emerald-200",
  rejected_signature: "bg-rose-50 text-rose-900 ring-rose-200",
  wrong_mode: "bg-rose-50 text-rose-900 ring-rose-200",
  unreachable: "bg-rose-50 text-rose-900 ring-rose-200",
  unexpected: "bg-amber-50 text-amber-950 ring-amber-200",
  not_configured: "bg-amber-50 text-amber-950 ring-amber-200",
};

function SelfTestResult({ report }: { report: SelfTestReport }) {
  const t = useTranslations("settings.selfTest");
  const tMode = useTranslations("mode");
  const tCommon = useTranslations("common");
  const format = useFormatter();
  const none = tCommon("none");
  const reach = report.failedAt
    ? t(`failedAt.${report.failedAt}`, { code: report.errorCode ?? "—" })
    : report.addresses.length > 0
      ? t("reached", { addresses: report.addresses.join(", ") })
      : none;
  const tls =
    report.tls === null
      ? none
      : report.tls.kind === "valid"
        ? t("tls.valid", {
            date: report.tls.validTo
              ? format.dateTime(new Date(report.tls.validTo), { dateStyle: "medium" })
              : "—",
          })
        : t(`tls.${report.tls.kind}`);
  const rows: [string, string][] = [
    [t("rows.address"), report.url],
    [t("rows.mode"), tMode(report.mode)],
    [t("rows.reach"), reach],
    [t("rows.tls"), tls],
    [t("rows.status"), report.httpStatus === null ? none : String(report.httpStatus)],
    [t("rows.latency"), report.latencyMs === null ? none : t("ms", { ms: report.latencyMs })],
  ];
  return (
    <div className="space-y-3">
      <p
        className={`rounded-md px-3 py-2 text-sm font-medium ring-1 ${verdictTone[report.verdict]}`}
      >
        {t(`verdict.${report.verdict}`)}
      </p>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-slate-700">{label}</dt>
            <dd className="min-w-0 break-words text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
