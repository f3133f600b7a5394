"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { fieldBinder, idleState, type ActionState } from "@/lib/actions/action-state";

export function PaymentLinkForm({
  action,
  idempotencyKey,
  defaultExpiry,
  zoneName,
  minAmount,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  idempotencyKey: string;
  defaultExpiry: string;
  zoneName: string;
  minAmount: string;
}) {
  const t = useTranslations("paymentLink");
  const [state, formAction] = useActionState(action, idleState);
  const field = fieldBinder(state);
  const values = state.status === "error" ? state.values : undefined;
  const key =
    (state.status === "error" && state.idempotencyKey) || values?.idempotencyKey || idempotencyKey;

  return (
    <form action={formAction} className="space-y-5" noValidate>
      <input type="hidden" name="idempotencyKey" value={key} />
      <FormAlert state={state} />
      <Field
        {...field("title")}
        label={t("fields.title")}
        required
        maxLength={255}
        hint={t("fields.titleHint")}
      />
      <Field
        {...field("amount")}
        label={t("fields.amount")}
        prefix="Rp"
        inputMode="numeric"
        required
        placeholder="150.000"
        hint={t("fields.amountHint", { min: minAmount })}
      />
      <Field {...field("description")} label={t("fields.description")} maxLength={1000} />
      <Field
        {...field("expiresAt")}
        label={t("fields.expiresAt", { zone: zoneName })}
        type="datetime-local"
        required
        defaultValue={values?.expiresAt ?? defaultExpiry}
      />
      <Field
        {...field("returnUrl")}
        label={t("fields.returnUrl")}
        type="url"
        inputMode="url"
        placeholder="https://shop.example/thanks"
        hint={t("fields.returnUrlHint")}
      />
      <SubmitButton pendingText={t("pending")} className="w-full sm:w-auto">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
