"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { fieldBinder, idleState, type ActionState } from "@/lib/actions/action-state";
import { refundMethods, refundReasons } from "@/lib/core/refund-terms";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * The first person's form. `initial` fills it in: today's date, and for a payment
 * flagged paid twice the surplus and the reason.
 */
export function RequestRefundForm({
  action,
  initial,
  hint,
  maxDay,
}: {
  action: Action;
  initial: Record<string, string>;
  hint: string;
  maxDay: string;
}) {
  const t = useTranslations("refunds");
  const [state, formAction] = useActionState(action, idleState);
  const field = fieldBinder(state, initial);
  const choose = { value: "", label: t("choose") };
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <h3 className="font-medium">{t("formTitle")}</h3>
      <p className="text-sm text-slate-600">{hint}</p>
      <FormAlert state={state} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field
          {...field("amount")}
          id="refund-amount"
          label={t("amount")}
          prefix="Rp"
          inputMode="numeric"
          autoComplete="off"
        />
        <Field
          {...field("refundedOn")}
          id="refund-date"
          label={t("date")}
          type="date"
          max={maxDay}
        />
        <SelectField
          {...field("reason")}
          id="refund-reason"
          label={t("reasonLabel")}
          options={[choose, ...refundReasons.map((r) => ({ value: r, label: t(`reason.${r}`) }))]}
        />
        <SelectField
          {...field("method")}
          id="refund-method"
          label={t("methodLabel")}
          options={[choose, ...refundMethods.map((m) => ({ value: m, label: t(`method.${m}`) }))]}
        />
        <Field {...field("bank")} id="refund-bank" label={t("bank")} autoComplete="off" />
        <Field
          {...field("account")}
          id="refund-account"
          label={t("accountLabel")}
          autoComplete="off"
        />
      </div>
      <Field {...field("note")} id="refund-note" label={t("note")} maxLength={2000} />
      <SubmitButton pendingText={t("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}

/** The second person's form on one waiting refund: a note (required to reject), two buttons. */
export function DecideRefundForm({
  refundId,
  approve,
  reject,
}: {
  refundId: string;
  approve: Action;
  reject: Action;
}) {
  const t = useTranslations("refunds");
  const [last, setLast] = useState<"approve" | "reject">("approve");
  const [approveState, approveAction] = useActionState((p: ActionState, f: FormData) => {
    setLast("approve");
    return approve(p, f);
  }, idleState);
  const [rejectState, rejectAction] = useActionState((p: ActionState, f: FormData) => {
    setLast("reject");
    return reject(p, f);
  }, idleState);
  // One form, two buttons, each with its own action: the latest answer shows.
  const state = last === "reject" ? rejectState : approveState;
  const field = fieldBinder(state);
  return (
    <form className="space-y-3" noValidate>
      <FormAlert state={state} />
      <Field
        {...field("note")}
        id={`decide-note-${refundId}`}
        label={t("decisionNote")}
        maxLength={2000}
      />
      <div className="flex flex-col gap-2 sm:flex-row">
        <SubmitButton formAction={approveAction} pendingText={t("approving")}>
          {t("approve")}
        </SubmitButton>
        <SubmitButton formAction={rejectAction} variant="secondary" pendingText={t("rejecting")}>
          {t("reject")}
        </SubmitButton>
      </div>
    </form>
  );
}
