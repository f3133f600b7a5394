"use client";

import { useTranslations } from "next-intl";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { ActionForm, type FormAction } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { fieldError } from "@/lib/actions/action-state";
import { passwordLimits } from "@/lib/auth/password-limits";

/** Current password, then the new one twice; the server applies lib/auth/password-rules.ts. */
export function PasswordForm({ action, email }: { action: FormAction; email: string }) {
  const t = useTranslations("security");
  return (
    <ActionForm
      action={action}
      submitLabel={t("changePassword")}
      pendingText={t("changing")}
      submitClassName="w-full sm:w-auto"
    >
      {(_, state) => {
        // Nothing typed is put back: every field here is a password.
        const field = (name: string) => ({ name, error: fieldError(state, name) });
        return (
          <>
            {/* For password managers: whose password this is. */}
            <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
            <Field
              {...field("currentPassword")}
              label={t("currentPassword")}
              type="password"
              autoComplete="current-password"
              required
            />
            <NewPasswordFields
              field={field}
              labels={{
                password: t("newPassword"),
                confirm: t("confirmPassword"),
                hint: t("passwordHint", { min: passwordLimits.minChars }),
              }}
            />
          </>
        );
      }}
    </ActionForm>
  );
}
