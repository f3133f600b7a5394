"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { fieldBinder, idleState, type ActionState } from "@/lib/actions/action-state";

export type MerchantFormValues = {
  businessName: string;
  businessContact: string;
  defaultTimeZone: string;
  requireAdminTwoFactor: boolean;
  emailReceipts: boolean;
  receiptLocale: string;
  delays: { channel: string; days: number }[];
};

export function MerchantForm({
  action,
  current,
  timeZones,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  current: MerchantFormValues;
  timeZones: { value: string; label: string }[];
}) {
  const t = useTranslations("settings.merchant");
  const tChannel = useTranslations("channel");
  const tLanguage = useTranslations("language");
  const [state, formAction] = useActionState(action, idleState);
  const initial: Record<string, string> = {
    businessName: current.businessName,
    businessContact: current.businessContact,
    defaultTimeZone: current.defaultTimeZone,
    receiptLocale: current.receiptLocale,
    ...Object.fromEntries(current.delays.map((d) => [`delay_${d.channel}`, String(d.days)])),
  };
  const field = fieldBinder(state, initial);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormAlert state={state} />
      <Field {...field("businessName")} label={t("businessName")} hint={t("businessNameHint")} />
      <Field
        {...field("businessContact")}
        label={t("businessContact")}
        hint={t("businessContactHint")}
      />
      <SelectField {...field("defaultTimeZone")} label={t("defaultTimeZone")} options={timeZones} />
      <p className="-mt-2 text-xs text-slate-600">{t("defaultTimeZoneHint")}</p>
      <div className="flex min-h-11 items-center gap-3">
        <input
          id="requireAdminTwoFactor"
          name="requireAdminTwoFactor"
          type="checkbox"
          defaultChecked={current.requireAdminTwoFactor}
          className="size-5 accent-brand-600"
        />
        <label htmlFor="requireAdminTwoFactor" className="text-sm font-medium text-slate-800">
          {t("requireAdminTwoFactor")}
        </label>
      </div>
      <div className="flex min-h-11 items-center gap-3">
        <input
          id="emailReceipts"
          name="emailReceipts"
          type="checkbox"
          defaultChecked={current.emailReceipts}
          className="size-5 accent-brand-600"
        />
        <label htmlFor="emailReceipts" className="text-sm font-medium text-slate-800">
          {t("emailReceipts")}
        </label>
      </div>
      <SelectField
        {...field("receiptLocale")}
        label={t("receiptLocale")}
        options={[
          { value: "id", label: tLanguage("id") },
          { value: "en", label: tLanguage("en") },
        ]}
      />
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-800">{t("delays")}</legend>
        <p className="text-xs text-slate-600">{t("delaysHint")}</p>
        <div className="grid gap-3 sm:grid-cols-2">
          {current.delays.map(({ channel }) => (
            <Field
              key={channel}
              {...field(`delay_${channel}`)}
              label={tChannel(channel as "qris")}
              type="number"
              inputMode="numeric"
              min={0}
              max={30}
            />
          ))}
        </div>
      </fieldset>
      <SubmitButton pendingText={t("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}
