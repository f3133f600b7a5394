"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { fieldError, idleState, type ActionState } from "@/lib/actions/action-state";
import { locales, type Locale } from "@/lib/i18n/config";
import { timeZoneIds, type TimeZone } from "@/lib/time";

export function PreferencesForm({
  action,
  current,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  current: { locale: Locale; timeZone: TimeZone };
}) {
  const t = useTranslations();
  const [state, formAction] = useActionState(action, idleState);
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <FormAlert state={state} />
      <SelectField
        name="locale"
        label={t("profile.language")}
        defaultValue={current.locale}
        error={fieldError(state, "locale")}
        options={locales.map((value) => ({ value, label: t(`language.${value}`) }))}
      />
      <SelectField
        name="timeZone"
        label={t("profile.timeZone")}
        defaultValue={current.timeZone}
        error={fieldError(state, "timeZone")}
        options={timeZoneIds.map((value) => ({ value, label: t(`timeZone.${value}`) }))}
      />
      <SubmitButton pendingText={t("common.saving")} className="w-full sm:w-auto">
        {t("common.save")}
      </SubmitButton>
    </form>
  );
}
