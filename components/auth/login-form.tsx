"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { fieldBinder, idleState, type ActionState } from "@/lib/actions/action-state";

export function LoginForm({
  action,
  next,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  next: string;
}) {
  const t = useTranslations("login");
  const [state, formAction] = useActionState(action, idleState);
  const field = fieldBinder(state);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="next" value={next} />
      <FormAlert state={state} />
      <Field {...field("email")} label={t("email")} type="email" autoComplete="username" required />
      <Field
        {...field("password")}
        label={t("password")}
        type="password"
        autoComplete="current-password"
        required
      />
      <SubmitButton pendingText={t("pending")} className="w-full">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
