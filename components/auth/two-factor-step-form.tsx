"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { fieldError, idleState, type ActionState } from "@/lib/actions/action-state";

/** The second step of signing in: a code from the authenticator app, or a recovery code. */
export function TwoFactorStepForm({
  action,
  cancel,
  next,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  cancel: () => Promise<void>;
  next: string;
}) {
  const t = useTranslations("twoFactor");
  const [state, formAction] = useActionState(action, idleState);
  return (
    <div className="space-y-4">
      <form action={formAction} className="space-y-4" noValidate>
        <input type="hidden" name="next" value={next} />
        <FormAlert state={state} />
        <Field
          name="code"
          label={t("code")}
          hint={t("codeHint")}
          error={fieldError(state, "code")}
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          required
          autoFocus
        />
        <SubmitButton pendingText={t("confirming")} className="w-full">
          {t("verify")}
        </SubmitButton>
      </form>
      <form action={cancel}>
        <SubmitButton pendingText={t("cancel")} variant="ghost" className="w-full">
          {t("cancel")}
        </SubmitButton>
      </form>
    </div>
  );
}
