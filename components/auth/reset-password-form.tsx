"use client";

import { useTranslations } from "next-intl";
import { ActionForm, type FormAction } from "@/components/ui/action-form";
import { passwordLimits } from "@/lib/auth/password-limits";
import { NewPasswordFields } from "./new-password-fields";

export function ResetPasswordForm({ action }: { action: FormAction }) {
  const t = useTranslations("passwordReset");
  return (
    <ActionForm action={action} submitLabel={t("save")} pendingText={t("saving")}>
      {(field) => (
        <NewPasswordFields
          field={field}
          labels={{
            password: t("password"),
            confirm: t("confirm"),
            hint: t("passwordHint", { min: passwordLimits.minChars }),
          }}
        />
      )}
    </ActionForm>
  );
}
