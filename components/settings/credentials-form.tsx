"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { fieldBinder, idleState, type ActionState } from "@/lib/actions/action-state";

type Bound = (previous: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * A mode's address and token (and its first callback secret), and the person's password
 * for moving the address. Secrets are never prefilled.
 */
export function CredentialsForm({
  action,
  mode,
  baseUrl,
  askSecret,
  disabled,
}: {
  action: Bound;
  mode: string;
  baseUrl: string;
  askSecret: boolean;
  disabled: boolean;
}) {
  const t = useTranslations("settings.gateway");
  const [state, formAction] = useActionState(action, idleState);
  const field = fieldBinder(state, { baseUrl });
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormAlert state={state} />
      <Field
        {...field("baseUrl")}
        id={`${mode}-baseUrl`}
        label={t("baseUrl")}
        type="url"
        inputMode="url"
        autoComplete="off"
        hint={t("baseUrlHint")}
        disabled={disabled}
      />
      <Field
        {...field("token")}
        id={`${mode}-token`}
        label={t("token")}
        type="password"
        autoComplete="off"
        hint={t("tokenHint")}
        disabled={disabled}
      />
      {askSecret ? (
        <Field
          {...field("callbackSecret")}
          id={`${mode}-callbackSecret`}
          label={t("callbackSecret")}
          type="password"
          autoComplete="off"
          hint={t("secretHint")}
          disabled={disabled}
        />
      ) : null}
      <Field
        {...field("currentPassword")}
        id={`${mode}-currentPassword`}
        label={t("currentPassword")}
        type="password"
        autoComplete="current-password"
        hint={t("currentPasswordHint")}
        disabled={disabled}
      />
      <SubmitButton pendingText={t("saving")} disabled={disabled}>
        {t("save")}
      </SubmitButton>
    </form>
  );
}

export function RotateSecretForm({
  action,
  mode,
  disabled,
}: {
  action: Bound;
  mode: string;
  disabled: boolean;
}) {
  const t = useTranslations("settings.rotation");
  const [state, formAction] = useActionState(action, idleState);
  const field = fieldBinder(state);
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <FormAlert state={state} />
      <Field
        {...field("newSecret")}
        id={`${mode}-newSecret`}
        label={t("newSecret")}
        type="password"
        autoComplete="off"
        disabled={disabled}
      />
      <SubmitButton variant="secondary" pendingText={t("starting")} disabled={disabled}>
        {t("start")}
      </SubmitButton>
    </form>
  );
}
