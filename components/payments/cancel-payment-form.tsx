"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { FormAlert } from "@/components/ui/form-alert";
import { idleState, type ActionState } from "@/lib/actions/action-state";

/** Cancel, asked twice: a cancelled VA cannot be paid into again. */
export function CancelPaymentForm({
  action,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  const t = useTranslations("handoff");
  const [state, formAction] = useActionState(action, idleState);
  const [asking, setAsking] = useState(false);
  return (
    <form action={formAction} className="space-y-2 print:hidden">
      <FormAlert state={state} />
      {asking ? (
        <div className="flex flex-wrap items-center gap-2">
          <p className="w-full text-sm text-slate-700">{t("cancelQuestion")}</p>
          <SubmitButton pendingText={t("cancelConfirm")} variant="danger">
            {t("cancelConfirm")}
          </SubmitButton>
          <button
            type="button"
            onClick={() => setAsking(false)}
            className={buttonClass("secondary")}
          >
            {t("cancelKeep")}
          </button>
        </div>
      ) : (
        <button type="button" onClick={() => setAsking(true)} className={buttonClass("secondary")}>
          {t("cancel")}
        </button>
      )}
    </form>
  );
}
