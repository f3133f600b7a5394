"use client";

import { useActionState, useEffect } from "react";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { useToast } from "@/components/ui/toaster";
import { fieldError, idleState } from "@/lib/actions/action-state";
import { createPaymentLinkAction } from "./actions";

export function PaymentLinkForm({
  idempotencyKey,
  defaultExpiry,
}: {
  idempotencyKey: string;
  defaultExpiry: string;
}) {
  const [state, formAction] = useActionState(createPaymentLinkAction, idleState);
  const toast = useToast();
  const values = state.status === "error" ? state.values : undefined;
  const key =
    (state.status === "error" && state.idempotencyKey) || values?.idempotencyKey || idempotencyKey;

  useEffect(() => {
    if (state.status === "error") toast("error", state.message);
  }, [state, toast]);

  return (
    <form action={formAction} className="space-y-5" noValidate>
      <input type="hidden" name="idempotencyKey" value={key} />
      <FormAlert state={state} />
      <Field
        name="title"
        label="Title"
        required
        maxLength={255}
        defaultValue={values?.title}
        hint="The buyer sees this on the payment page."
        error={fieldError(state, "title")}
      />
      <Field
        name="amount"
        label="Amount"
        prefix="Rp"
        inputMode="numeric"
        required
        placeholder="150.000"
        defaultValue={values?.amount}
        hint="Whole rupiah, at least Rp 1.000."
        error={fieldError(state, "amount")}
      />
      <Field
        name="description"
        label="Description (optional)"
        maxLength={1000}
        defaultValue={values?.description}
        error={fieldError(state, "description")}
      />
      <Field
        name="expiresAt"
        label="Expires at (WIB)"
        type="datetime-local"
        required
        defaultValue={values?.expiresAt ?? defaultExpiry}
        error={fieldError(state, "expiresAt")}
      />
      <Field
        name="returnUrl"
        label="Return URL (optional)"
        type="url"
        placeholder="https://shop.example/thanks"
        defaultValue={values?.returnUrl}
        hint="Where the buyer goes after paying."
        error={fieldError(state, "returnUrl")}
      />
      <SubmitButton pendingText="Creating…">Create payment link</SubmitButton>
    </form>
  );
}
