"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { fieldBinder, idleState, type ActionState } from "@/lib/actions/action-state";

export function NameForm({
  action,
  name,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  name: string;
}) {
  const t = useTranslations();
  const [state, formAction] = useActionState(action, idleState);
  const field = fieldBinder(state, { name });
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormAlert state={state} />
      <Field {...field("name")} label={t("profile.name")} autoComplete="name" required />
      <SubmitButton pendingText={t("common.saving")} className="w-full sm:w-auto">
        {t("profile.saveName")}
      </SubmitButton>
    </form>
  );
}
