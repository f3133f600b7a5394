"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { fieldError, idleState, type ActionState } from "@/lib/actions/action-state";
import { passwordLimits } from "@/lib/auth/password-limits";

/** Current password, then the new one twice; the server applies lib/auth/password-rules.ts. */
export function PasswordForm({
  action,
  email,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  email: string;
}) {
  const t = useTranslations("security");
  const [state, formAction] = useActionState(action, idleState);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {/* For password managers: whose password this is. */}
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <FormAlert state={state} />
      <Field
        name="currentPassword"
        label={t("currentPassword")}
        type="password"
        autoComplete="current-password"
        error={fieldError(state, "currentPassword")}
        required
      />
      <Field
        name="password"
        label={t("newPassword")}
        type="password"
        autoComplete="new-password"
        hint={t("passwordHint", { min: passwordLimits.minChars })}
        error={fieldError(state, "password")}
        required
      />
      <Field
        name="confirm"
        label={t("confirmPassword")}
        type="password"
        autoComplete="new-password"
        error={fieldError(state, "confirm")}
        required
      />
      <SubmitButton pendingText={t("changing")} className="w-full sm:w-auto">
        {t("changePassword")}
      </SubmitButton>
    </form>
  );
}
