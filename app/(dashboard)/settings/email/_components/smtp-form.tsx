"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { fieldBinder, idleState, type ActionState } from "@/lib/actions/action-state";
import { smtpTlsModes } from "@/lib/mail/smtp-config";

export type SmtpFormValues = {
  host: string;
  port: string;
  tls: string;
  user: string;
  fromName: string;
  fromAddress: string;
  passwordSet: boolean;
};

/** The saved SMTP server; the password is never sent here, only whether one is set. */
export function SmtpForm({
  action,
  current,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  current: SmtpFormValues;
}) {
  const t = useTranslations("emailSettings");
  const [state, formAction] = useActionState(action, idleState);
  const { passwordSet, ...initial } = current;
  const field = fieldBinder(state, initial);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormAlert state={state} />
      <div className="grid gap-4 sm:grid-cols-[1fr_8rem]">
        <Field {...field("host")} label={t("host")} hint={t("hostHint")} autoComplete="off" />
        <Field {...field("port")} label={t("port")} type="number" inputMode="numeric" />
      </div>
      <SelectField
        {...field("tls")}
        label={t("tls")}
        options={smtpTlsModes.map((mode) => ({ value: mode, label: t(`tlsMode.${mode}`) }))}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field {...field("user")} label={t("user")} autoComplete="off" />
        <Field
          {...field("password")}
          label={t("password")}
          type="password"
          autoComplete="new-password"
          hint={passwordSet ? t("passwordSet") : t("passwordNotSet")}
        />
      </div>
      {passwordSet ? (
        <div className="flex min-h-11 items-center gap-3">
          <input
            id="clearPassword"
            name="clearPassword"
            type="checkbox"
            className="size-5 accent-brand-600"
          />
          <label htmlFor="clearPassword" className="text-sm font-medium text-slate-800">
            {t("clearPassword")}
          </label>
        </div>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field {...field("fromName")} label={t("fromName")} hint={t("fromNameHint")} />
        <Field {...field("fromAddress")} label={t("fromAddress")} type="email" />
      </div>
      <SubmitButton pendingText={t("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}
