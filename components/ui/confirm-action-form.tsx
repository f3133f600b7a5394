"use client";

import { useActionState, useCallback, useEffect, useId, useRef } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { FormAlert } from "@/components/ui/form-alert";
import { useToast } from "@/components/ui/toaster";
import { idleState, type ActionState } from "@/lib/actions/action-state";

export type ConfirmWords = {
  /** The question, e.g. "Remove the saved live credentials?". */
  title: string;
  /** What acting will stop, in plain words. */
  stops: string;
  /** A reason to wait, when the page knows one (shown as a warning). */
  warning?: string;
  /** The confirming button: names the act again, never just "OK". */
  confirm: string;
};

/**
 * A dangerous action behind one question: the button opens a dialog that says what it
 * will stop; only its confirming button runs the action. Focus stays in the dialog
 * (a modal <dialog>), Escape and "Cancel" leave without acting, and the dialog closes
 * when the action answers, its result shown beside the button and toasted.
 */
export function ConfirmActionForm({
  action,
  label,
  pendingLabel,
  words,
  fields,
  triggerLabel,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  label: string;
  pendingLabel: string;
  words: ConfirmWords;
  /** Hidden fields the action reads (e.g. which kind of change). */
  fields?: Record<string, string>;
  /** The trigger's accessible name when the visible label is not enough (a list of rows). */
  triggerLabel?: string;
}) {
  const t = useTranslations("flows.confirm");
  const toast = useToast();
  // Toasted from the action itself: a success often removes this form from the page (the
  // row or the button goes away) in the same render, and the toast still says it worked.
  const run = useCallback(
    async (previous: ActionState, formData: FormData) => {
      const result = await action(previous, formData);
      if (result.status === "success") toast("success", result.message);
      return result;
    },
    [action, toast],
  );
  const [state, formAction] = useActionState(run, idleState);
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    if (state !== idleState) dialog.current?.close();
  }, [state]);
  return (
    <div className="space-y-2 print:hidden">
      <FormAlert state={state} />
      <button
        type="button"
        aria-haspopup="dialog"
        aria-label={triggerLabel}
        onClick={() => dialog.current?.showModal()}
        className={`${buttonClass("secondary")} w-full sm:w-auto`}
      >
        {label}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-stops`}
        className="m-auto w-[calc(100%-2rem)] max-w-md rounded-xl bg-white p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <form action={formAction} className="space-y-4 p-5">
          {Object.entries(fields ?? {}).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
            {words.title}
          </h2>
          <p id={`${id}-stops`} className="text-sm text-slate-700">
            {words.stops}
          </p>
          {words.warning ? (
            <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950 ring-1 ring-amber-200">
              {words.warning}
            </p>
          ) : null}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <button
              type="button"
              onClick={() => dialog.current?.close()}
              className={buttonClass("secondary")}
            >
              {t("cancel")}
            </button>
            <SubmitButton variant="danger" pendingText={pendingLabel}>
              {words.confirm}
            </SubmitButton>
          </div>
        </form>
      </dialog>
    </div>
  );
}
