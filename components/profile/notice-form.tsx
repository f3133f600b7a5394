"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { fieldError, idleState, type ActionState } from "@/lib/actions/action-state";
import { noticeDeliveries, type NoticeKind, type NoticePreferences } from "@/lib/core/notice-kinds";

function Checkbox({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  return (
    <div className="flex min-h-11 items-start gap-3">
      <input
        id={`notice-${name}`}
        name={name}
        type="checkbox"
        defaultChecked={checked}
        className="mt-0.5 size-5 shrink-0 accent-brand-600"
      />
      <label htmlFor={`notice-${name}`} className="text-sm text-slate-800">
        {label}
      </label>
    </div>
  );
}

/**
 * The profile's notice choices: one select per notice the person's role is offered,
 * the payment threshold, test-mode opt-in, and the reports their role may get.
 */
export function NoticeForm({
  action,
  preferences,
  offered,
  recap,
  statement,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  preferences: NoticePreferences;
  offered: NoticeKind[];
  recap: boolean;
  statement: boolean;
}) {
  const t = useTranslations("notices");
  const [state, formAction] = useActionState(action, idleState);
  const options = noticeDeliveries.map((value) => ({ value, label: t(`delivery.${value}`) }));
  const typed = state.status === "error" ? state.values : undefined;
  const paidOffered = offered.includes("payment_paid");
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormAlert state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        {offered.map((kind) => (
          <SelectField
            key={kind}
            name={`delivery_${kind}`}
            label={t(`kind.${kind}`)}
            defaultValue={typed?.[`delivery_${kind}`] ?? preferences.deliveries[kind]}
            error={fieldError(state, `delivery_${kind}`)}
            options={options}
          />
        ))}
      </div>
      {paidOffered ? (
        <Field
          name="paidMinAmount"
          label={t("paidMinAmount")}
          hint={t("paidMinAmountHint")}
          inputMode="numeric"
          prefix="Rp"
          defaultValue={typed?.paidMinAmount ?? preferences.paidMinAmount ?? ""}
          error={fieldError(state, "paidMinAmount")}
        />
      ) : null}
      {paidOffered ? (
        <div>
          <Checkbox name="includeTest" label={t("includeTest")} checked={preferences.includeTest} />
          <p className="text-xs text-slate-600">{t("liveOnly")}</p>
        </div>
      ) : null}
      {recap || statement ? (
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-slate-800">{t("reports")}</legend>
          {recap ? (
            <>
              <Checkbox
                name="dailyRecap"
                label={t("dailyRecap")}
                checked={preferences.dailyRecap}
              />
              <Checkbox
                name="recapAttachXlsx"
                label={t("recapAttachXlsx")}
                checked={preferences.recapAttachXlsx}
              />
            </>
          ) : null}
          {statement ? (
            <Checkbox
              name="monthlyStatement"
              label={t("monthlyStatement")}
              checked={preferences.monthlyStatement}
            />
          ) : null}
        </fieldset>
      ) : null}
      <SubmitButton pendingText={t("saving")} className="w-full sm:w-auto">
        {t("save")}
      </SubmitButton>
    </form>
  );
}
