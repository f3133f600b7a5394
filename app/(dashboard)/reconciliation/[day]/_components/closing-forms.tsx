"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { fieldError, idleState, type ActionState } from "@/lib/actions/action-state";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

function NoteField({
  id,
  label,
  hint,
  state,
  required,
}: {
  id: string;
  label: string;
  hint?: string;
  state: ActionState;
  required?: boolean;
}) {
  const error = fieldError(state, "note");
  const describedBy =
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") ||
    undefined;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        name="note"
        rows={3}
        required={required}
        maxLength={2000}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        defaultValue={state.status === "error" ? state.values?.note : undefined}
        className={`w-full rounded-md bg-white px-3 py-2 text-base shadow-xs ring-1 outline-none focus:ring-2 sm:text-sm ${
          error ? "ring-rose-400 focus:ring-rose-500" : "ring-slate-300 focus:ring-brand-500"
        }`}
      />
      <p id={`${id}-error`} className="text-xs font-medium text-rose-700">
        {error}
      </p>
    </div>
  );
}

/** The maker's form: a note, then "Mark reconciled". */
export function MarkForm({ action }: { action: Action }) {
  const t = useTranslations("reconciliation");
  const [state, formAction] = useActionState(action, idleState);
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <h3 className="font-medium">{t("markTitle")}</h3>
      <FormAlert state={state} />
      <NoteField id="mark-note" label={t("note")} hint={t("markHint")} state={state} required />
      <SubmitButton pendingText={t("marking")}>{t("markSubmit")}</SubmitButton>
    </form>
  );
}

/** The checker's form: an optional note (required to reject), approve or reject. */
export function ReviewForm({ approve, reject }: { approve: Action; reject: Action }) {
  const t = useTranslations("reconciliation");
  const [last, setLast] = useState<"approve" | "reject">("approve");
  const [approveState, approveAction] = useActionState((p: ActionState, f: FormData) => {
    setLast("approve");
    return approve(p, f);
  }, idleState);
  const [rejectState, rejectAction] = useActionState((p: ActionState, f: FormData) => {
    setLast("reject");
    return reject(p, f);
  }, idleState);
  // One form, two buttons, each with its own action: the latest answer shows.
  const state = last === "reject" ? rejectState : approveState;
  return (
    <form className="space-y-3" noValidate>
      <FormAlert state={state} />
      <NoteField id="review-note" label={t("reviewNote")} state={state} />
      <div className="flex flex-col gap-2 sm:flex-row">
        <SubmitButton formAction={approveAction} pendingText={t("approving")}>
          {t("approve")}
        </SubmitButton>
        <SubmitButton formAction={rejectAction} variant="secondary" pendingText={t("rejecting")}>
          {t("reject")}
        </SubmitButton>
      </div>
    </form>
  );
}

/** A closed day's change after close: a note, then "Mark as reviewed". */
export function AdjustmentReviewForm({ action }: { action: Action }) {
  const t = useTranslations("reconciliation.adjustment");
  const note = useTranslations("reconciliation")("note");
  const [state, formAction] = useActionState(action, idleState);
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <h3 className="font-medium">{t("reviewTitle")}</h3>
      <FormAlert state={state} />
      <NoteField id="adjustment-note" label={note} hint={t("reviewHint")} state={state} required />
      <SubmitButton pendingText={t("reviewing")}>{t("reviewSubmit")}</SubmitButton>
    </form>
  );
}
