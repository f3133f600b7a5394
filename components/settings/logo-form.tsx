"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { fieldBinder, idleState, type ActionState } from "@/lib/actions/action-state";

export function LogoForm({
  action,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  const t = useTranslations("settings.logo");
  const [state, formAction] = useActionState(action, idleState);
  const field = fieldBinder(state);
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <FormAlert state={state} />
      <Field
        name="logo"
        error={field("logo").error}
        label={t("file")}
        type="file"
        accept="image/png,image/jpeg,image/webp"
        hint={t("hint")}
      />
      <SubmitButton variant="secondary" pendingText={t("uploading")}>
        {t("upload")}
      </SubmitButton>
    </form>
  );
}
