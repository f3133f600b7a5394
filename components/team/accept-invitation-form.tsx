"use client";

import { useTranslations } from "next-intl";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { ActionForm, type FormAction } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { passwordLimits } from "@/lib/auth/password-limits";

export function AcceptInvitationForm({ action, email }: { action: FormAction; email: string }) {
  const t = useTranslations("invite");
  return (
    <ActionForm action={action} submitLabel={t("submit")} pendingText={t("pending")}>
      {(field) => (
        <>
          <Field name="email" label={t("email")} value={email} readOnly autoComplete="username" />
          <Field {...field("name")} label={t("name")} autoComplete="name" required />
          <NewPasswordFields
            field={field}
            labels={{
              password: t("password"),
              confirm: t("confirm"),
              hint: t("passwordHint", { min: passwordLimits.minChars }),
            }}
          />
        </>
      )}
    </ActionForm>
  );
}
