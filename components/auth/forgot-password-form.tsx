"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { fieldBinder, idleState, type ActionState } from "@/lib/actions/action-state";

export function ForgotPasswordForm({
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
      <Field {...field("email")} label={t("email")} type="email" autoComplete="username" required />
      <SubmitButton pendingText={t("pending")} className="w-full">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
