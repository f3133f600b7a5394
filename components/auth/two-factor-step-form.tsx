"use client";

import { useTranslations } from "next-intl";
import { ActionForm, type FormAction } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

/** The second step of signing in: a code from the authenticator app, or a recovery code. */
export function TwoFactorStepForm({
  action,
  cancel,
  next,
}: {
  action: FormAction;
  cancel: () => Promise<void>;
  next: string;
}) {
  const t = useTranslations("twoFactor");
  return (
    <div className="space-y-4">
      <ActionForm action={action} submitLabel={t("verify")} pendingText={t("confirming")}>
        {(field) => (
          <>
            <input type="hidden" name="next" value={next} />
            <Field
              {...field("code")}
              label={t("code")}
              hint={t("codeHint")}
              autoComplete="one-time-code"
              autoCapitalize="none"
              spellCheck={false}
              required
              autoFocus
            />
          </>
        )}
      </ActionForm>
      <form action={cancel}>
        <SubmitButton pendingText={t("cancel")} variant="ghost" className="w-full">
          {t("cancel")}
        </SubmitButton>
      </form>
    </div>
  );
}
