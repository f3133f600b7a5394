"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { ReplayResultView } from "./replay-result";
import type { ActionState } from "@/lib/actions/action-state";
import type { ReplayResult } from "@/lib/webhooks/replay";

type Action = (
  previous: ActionState<ReplayResult>,
  formData: FormData,
) => Promise<ActionState<ReplayResult>>;
const idle: ActionState<ReplayResult> = { status: "idle" };

/** Replay: a dry run first, then apply; each says what it did right under the buttons. */
export function ReplayPanel({ dryRun, apply }: { dryRun: Action; apply: Action }) {
  const t = useTranslations("callbacks.replay");
  const [preview, previewAction] = useActionState(dryRun, idle);
  const [done, applyAction] = useActionState(apply, idle);
  const previewResult = preview.status === "success" ? preview.result : undefined;
  const doneResult = done.status === "success" ? done.result : undefined;
  return (
    <section
      aria-labelledby="replay-heading"
      className="space-y-3 rounded-xl bg-white p-5 ring-1 ring-slate-200"
    >
      <h2 id="replay-heading" className="text-sm font-semibold text-slate-900">
        {t("title")}
      </h2>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <form action={previewAction} className="space-y-3">
        {preview.status === "error" ? <FormAlert state={preview} /> : null}
        <SubmitButton variant="secondary" pendingText={t("dryRunning")}>
          {t("dryRun")}
        </SubmitButton>
      </form>
      {previewResult && !doneResult ? (
        <>
          <ReplayResultView result={previewResult} title={t("previewTitle")} />
          <form action={applyAction} className="space-y-3">
            {done.status === "error" ? <FormAlert state={done} /> : null}
            <SubmitButton pendingText={t("applying")}>{t("apply")}</SubmitButton>
          </form>
        </>
      ) : null}
      {doneResult ? (
        <>
          <FormAlert state={done} />
          <ReplayResultView result={doneResult} title={t("doneTitle")} />
        </>
      ) : null}
    </section>
  );
}
