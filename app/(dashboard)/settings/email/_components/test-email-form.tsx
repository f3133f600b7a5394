"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { fieldBinder, idleState, type ActionState } from "@/lib/actions/action-state";

/** "Send a test email": one try now, answered delivered, refused (the server's words) or unreachable. */
export function TestEmailForm({
  action,
  defaultTo,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  defaultTo: string;
}) {
  const t = useTranslations("emailSettings.test");
  const [state, formAction] = useActionState(action, idleState);
  const field = fieldBinder(state, { to: defaultTo });
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormAlert state={state} />
      <Field {...field("to")} label={t("to")} type="email" hint={t("toHint")} />
      <SubmitButton pendingText={t("sending")} variant="secondary">
        {t("send")}
      </SubmitButton>
    </form>
  );
}
