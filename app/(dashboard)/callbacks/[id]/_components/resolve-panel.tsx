"use client";

import { useActionState, useState, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/format/use-format";
import { buttonClass, type ButtonVariant } from "@/components/ui/button-class";
import { FormAlert } from "@/components/ui/form-alert";
import { describeRecordedNote } from "@/lib/i18n/recorded-note";
import { ReplayResultView } from "./replay-result";
import type { ActionState } from "@/lib/actions/action-state";
import type { ReplayResult } from "@/lib/webhooks/replay";

type Action = (
  previous: ActionState<ReplayResult>,
  formData: FormData,
) => Promise<ActionState<ReplayResult>>;
const idle: ActionState<ReplayResult> = { status: "idle" };

/**
 * Resolve a held delivery with a note: accept (preview what applying it changes, then
 * apply it) or dismiss (leave the transaction as it is).
 */
export function ResolvePanel({
  resolved,
  previewAccept,
  accept,
  dismiss,
}: {
  /** Already resolved: the panel then only says how its own action went. */
  resolved: boolean;
  previewAccept: Action;
  accept: Action;
  dismiss: Action;
}) {
  const t = useTranslations("callbacks.resolve");
  const tAll = useTranslations();
  const format = useFormat();
  const [note, setNote] = useState("");
  const [preview, previewAction] = useActionState(previewAccept, idle);
  const [accepted, acceptAction] = useActionState(accept, idle);
  const [dismissed, dismissAction] = useActionState(dismiss, idle);
  const last = [accepted, dismissed].find((s) => s.status !== "idle") ?? idle;
  const noteError =
    (accepted.status === "error" && accepted.fieldErrors?.note?.[0]) ||
    (dismissed.status === "error" && dismissed.fieldErrors?.note?.[0]) ||
    undefined;
  const previewResult = preview.status === "success" ? preview.result : undefined;
  const stillHeld =
    previewResult?.outcome === "needs_review" || previewResult?.outcome === "conflict";
  if (last.status === "success") {
    return (
      <section aria-labelledby="resolve-heading" className={frame}>
        <h2 id="resolve-heading" className="text-sm font-semibold text-slate-900">
          {t("title")}
        </h2>
        <FormAlert state={last} />
        {accepted.status === "success" && accepted.result ? (
          <ReplayResultView result={accepted.result} title={t("accepted")} />
        ) : null}
      </section>
    );
  }
  if (resolved) return null;
  return (
    <section aria-labelledby="resolve-heading" className={frame}>
      <h2 id="resolve-heading" className="text-sm font-semibold text-slate-900">
        {t("title")}
      </h2>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <form className="space-y-3">
        <FormAlert
          state={last.status === "error" ? last : preview.status === "error" ? preview : idle}
        />
        <div className="space-y-1.5">
          <label htmlFor="resolution-note" className="block text-sm font-medium text-slate-800">
            {t("note")}
          </label>
          <textarea
            id="resolution-note"
            name="note"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={500}
            rows={3}
            aria-invalid={noteError ? true : undefined}
            aria-describedby="resolution-note-hint resolution-note-error"
            className="w-full rounded-md bg-white px-3 py-2 text-base shadow-xs ring-1 ring-slate-300 outline-none focus:ring-2 focus:ring-brand-500 sm:text-sm"
          />
          <p id="resolution-note-hint" className="text-xs text-slate-600">
            {t("noteHint")}
          </p>
          <p id="resolution-note-error" className="text-xs font-medium text-rose-700">
            {noteError}
          </p>
        </div>
        {previewResult ? (
          <>
            <ReplayResultView result={previewResult} title={t("previewTitle")} />
            {stillHeld ? (
              <p role="status" className="text-sm font-medium text-amber-900">
                {t("wouldStayHeld", {
                  reason: previewResult.reason
                    ? describeRecordedNote(tAll, format, previewResult.reason)
                    : "—",
                })}
              </p>
            ) : null}
          </>
        ) : null}
        <div className="flex flex-wrap gap-2">
          {previewResult && !stillHeld ? (
            <ChoiceButton formAction={acceptAction} pendingText={t("accepting")}>
              {t("accept")}
            </ChoiceButton>
          ) : (
            <ChoiceButton
              formAction={previewAction}
              variant="secondary"
              pendingText={t("previewing")}
            >
              {t("preview")}
            </ChoiceButton>
          )}
          <ChoiceButton
            formAction={dismissAction}
            variant="secondary"
            pendingText={t("dismissing")}
          >
            {t("dismiss")}
          </ChoiceButton>
        </div>
      </form>
    </section>
  );
}

/**
 * One of several submit buttons of a form: all wait while the form is pending, but only
 * the one pressed says what is happening (a preview must never read "Dismissing…").
 */
function ChoiceButton({
  formAction,
  pendingText,
  variant = "primary",
  children,
}: {
  formAction: (formData: FormData) => void;
  pendingText: string;
  variant?: ButtonVariant;
  children: ReactNode;
}) {
  const status = useFormStatus();
  const mine = status.pending && status.action === formAction;
  return (
    <button
      type="submit"
      formAction={formAction}
      disabled={status.pending}
      aria-disabled={status.pending}
      className={buttonClass(variant)}
    >
      {mine ? pendingText : children}
    </button>
  );
}

const frame = "space-y-3 rounded-xl bg-white p-5 ring-1 ring-slate-200";
