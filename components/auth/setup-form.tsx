"use client";

import { useTranslations } from "next-intl";
import { ActionForm, type FormAction } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { passwordLimits } from "@/lib/auth/password-limits";
import { NewPasswordFields } from "./new-password-fields";

export function SetupForm({ action }: { action: FormAction }) {
  const t = useTranslations("setup");
  return (
    <ActionForm action={action} submitLabel={t("submit")} pendingText={t("pending")}>
      {(field) => (
        <>
          <Field {...field("name")} label={t("name")} autoComplete="name" required />
          <Field
            {...field("email")}
            label={t("email")}
            type="email"
            autoComplete="username"
            required
          />
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
