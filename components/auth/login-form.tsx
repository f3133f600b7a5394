"use client";

import { useTranslations } from "next-intl";
import { ActionForm, type FormAction } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";

export function LoginForm({ action, next }: { action: FormAction; next: string }) {
  const t = useTranslations("login");
  return (
    <ActionForm action={action} submitLabel={t("submit")} pendingText={t("pending")}>
      {(field) => (
        <>
          <input type="hidden" name="next" value={next} />
          <Field
            {...field("email")}
            label={t("email")}
            type="email"
            autoComplete="username"
            required
          />
          <Field
            {...field("password")}
            label={t("password")}
            type="password"
            autoComplete="current-password"
            required
          />
        </>
      )}
    </ActionForm>
  );
}
