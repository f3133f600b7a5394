"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { fieldBinder, idleState, type ActionState } from "@/lib/actions/action-state";
import { passwordLimits } from "@/lib/auth/password-limits";

export function ResetPasswordForm({
  action,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  const t = useTranslations("passwordReset");
  const [state, formAction] = useActionState(action, idleState);
  const field = fieldBinder(state);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormAlert state={state} />
      <Field
        {...field("password")}
        label={t("password")}
        type="password"
        autoComplete="new-password"
        required
        hint={t("passwordHint", { min: passwordLimits.minChars })}
      />
      <Field
        {...field("confirm")}
        label={t("confirm")}
        type="password"
        autoComplete="new-password"
        required
      />
      <SubmitButton pendingText={t("saving")} className="w-full">
        {t("save")}
      </SubmitButton>
    </form>
  );
}
