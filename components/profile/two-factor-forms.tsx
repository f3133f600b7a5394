"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { fieldError, idleState, type ActionState } from "@/lib/actions/action-state";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;
type SetupState = ActionState | { status: "enabled"; message: string; codes: string[] };

/** A single-button form whose failure is said next to it. */
export function StartTwoFactorForm({ action, label }: { action: Action; label: string }) {
  const t = useTranslations("twoFactor");
  const [state, formAction] = useActionState(action, idleState);
  return (
    <form action={formAction} className="space-y-3">
      <FormAlert state={state} />
      <SubmitButton pendingText={t("starting")} className="w-full sm:w-auto">
        {label}
      </SubmitButton>
    </form>
  );
}

/** Confirms the scanned secret with a code; then shows the recovery codes, once. */
export function ConfirmTwoFactorForm({
  action,
}: {
  action: (previous: SetupState, formData: FormData) => Promise<SetupState>;
}) {
  const t = useTranslations("twoFactor");
  const common = useTranslations("common");
  const [state, formAction] = useActionState<SetupState, FormData>(action, idleState);
  if (state.status === "enabled") {
    return (
      <section aria-labelledby="recovery-title" className="space-y-3">
        <p
          role="status"
          className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-950 ring-1 ring-emerald-200"
        >
          {state.message}
        </p>
        <h2 id="recovery-title" className="text-lg font-semibold">
          {t("recoveryTitle")}
        </h2>
        <p className="text-sm text-slate-600">{t("recoveryHelp")}</p>
        <ul
          className="grid grid-cols-1 gap-2 rounded-lg bg-slate-50 p-3 font-mono text-base ring-1 ring-slate-200 sm:grid-cols-2"
          data-testid="recovery-codes"
        >
          {state.codes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <div className="flex flex-col gap-2 sm:flex-row">
          <CopyButton
            value={state.codes.join("\n")}
            labels={{ idle: t("copyCodes"), done: common("copied"), failed: common("copyFailed") }}
          />
          <Link href="/profile" className={buttonClass("primary")}>
            {t("done")}
          </Link>
        </div>
      </section>
    );
  }
  const actionState = state as ActionState;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormAlert state={actionState} />
      <Field
        name="code"
        label={t("code")}
        hint={t("setupCodeHint")}
        error={fieldError(actionState, "code")}
        inputMode="numeric"
        autoComplete="one-time-code"
        required
      />
      <SubmitButton pendingText={t("confirming")} className="w-full sm:w-auto">
        {t("confirm")}
      </SubmitButton>
    </form>
  );
}

export function DisableTwoFactorForm({ action }: { action: Action }) {
  const t = useTranslations("twoFactor");
  const [state, formAction] = useActionState(action, idleState);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormAlert state={state} />
      <Field
        name="code"
        label={t("code")}
        hint={t("disableHelp")}
        error={fieldError(state, "code")}
        autoComplete="one-time-code"
        autoCapitalize="none"
        spellCheck={false}
        required
      />
      <SubmitButton variant="danger" pendingText={t("disabling")} className="w-full sm:w-auto">
        {t("disable")}
      </SubmitButton>
    </form>
  );
}
