"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, useState, type FormEvent } from "react";
import { SubmitButton } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { DayField } from "@/components/ui/day-input";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { fieldBinder, fieldError, idleState, type ActionState } from "@/lib/actions/action-state";
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
}: {
  action: Action;
  initial: Record<string, string>;
  hint: string;
}) {
  const t = useTranslations("refunds");
  // Submitted by hand, not through `action`: React resets a form after its action, and a
  // reset puts each <select> back to its first option, so a corrected form would lose
  // the reason and method. A success starts a fresh form (a new key).
  const [round, setRound] = useState(0);
  const [state, formAction, pending] = useActionState(async (p: ActionState, f: FormData) => {
    const next = await action(p, f);
    if (next.status === "success") setRound((r) => r + 1);
    return next;
  }, idleState);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
  const field = fieldBinder(state, initial);
  const choose = { value: "", label: t("choose") };
  return (
    <form key={round} onSubmit={submit} className="space-y-3" noValidate>
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
        <DayField {...field("refundedOn")} id="refund-date" label={t("date")} />
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
      <ProofInput error={fieldError(state, "proof")} />
      <button type="submit" disabled={pending} aria-disabled={pending} className={buttonClass()}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}

/** The transfer slip's photo or PDF, optional; its type is checked by its bytes on the server. */
function ProofInput({ error }: { error: string | undefined }) {
  const t = useTranslations("refunds");
  return (
    <div className="space-y-1.5">
      <label htmlFor="refund-proof" className="block text-sm font-medium text-slate-800">
        {t("proof")}
      </label>
      <p id="refund-proof-hint" className="text-xs text-slate-600">
        {t("proofHint")}
      </p>
      <input
        id="refund-proof"
        name="proof"
        type="file"
        accept="image/png,image/jpeg,image/webp,application/pdf"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "refund-proof-hint refund-proof-error" : "refund-proof-hint"}
        className="block w-full text-sm text-slate-700 file:mr-3 file:min-h-11 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:text-sm file:font-medium file:text-slate-800"
      />
      <p id="refund-proof-error" className="text-xs font-medium text-rose-700">
        {error}
      </p>
    </div>
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
