"use client";

import { useTranslations } from "next-intl";
import { ActionForm, type FormAction } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";

export function ForgotPasswordForm({ action }: { action: FormAction }) {
  const t = useTranslations("passwordReset");
  return (
    <ActionForm action={action} submitLabel={t("submit")} pendingText={t("pending")}>
      {(field) => (
        <Field
          {...field("email")}
          label={t("email")}
          type="email"
          autoComplete="username"
          required
        />
      )}
    </ActionForm>
  );
}
