"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { fieldError, idleState, type ActionState } from "@/lib/actions/action-state";
import { locales, type Locale } from "@/lib/i18n/config";
import { timeZoneIds, type TimeZone } from "@/lib/core/time";

export function PreferencesForm({
  action,
  current,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  current: { locale: Locale; timeZone: TimeZone };
}) {
  const t = useTranslations();
  const [state, formAction] = useActionState(action, idleState);
  // What was just saved, else what the page read: React resets a form after its action
  // to each field's default, and a default still reading the old choice both shows it
  // and saves it again on the next submit.
  const saved = {
    locale: state.status === "success" ? (state.data?.locale ?? current.locale) : current.locale,
    timeZone:
      state.status === "success" ? (state.data?.timeZone ?? current.timeZone) : current.timeZone,
  };
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <FormAlert state={state} />
      <SelectField
        // Remounted on a new saved value, since a select's default is read only once.
        key={`locale-${saved.locale}`}
        name="locale"
        label={t("profile.language")}
        defaultValue={saved.locale}
        error={fieldError(state, "locale")}
        options={locales.map((value) => ({ value, label: t(`language.${value}`) }))}
      />
      <SelectField
        key={`zone-${saved.timeZone}`}
        name="timeZone"
        label={t("profile.timeZone")}
        defaultValue={saved.timeZone}
        error={fieldError(state, "timeZone")}
        options={timeZoneIds.map((value) => ({ value, label: t(`timeZone.${value}`) }))}
      />
      <SubmitButton pendingText={t("common.saving")} className="w-full sm:w-auto">
        {t("common.save")}
      </SubmitButton>
    </form>
  );
}
