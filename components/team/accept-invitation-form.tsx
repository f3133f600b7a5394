"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { fieldBinder, idleState, type ActionState } from "@/lib/actions/action-state";
import { passwordLimits } from "@/lib/auth/password-limits";

export function AcceptInvitationForm({
  action,
  email,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  email: string;
}) {
  const t = useTranslations("invite");
  const [state, formAction] = useActionState(action, idleState);
  const field = fieldBinder(state);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormAlert state={state} />
      <Field name="email" label={t("email")} value={email} readOnly autoComplete="username" />
      <Field {...field("name")} label={t("name")} autoComplete="name" required />
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
      <SubmitButton pendingText={t("pending")} className="w-full">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
