"use client";

import { useActionState, useEffect } from "react";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { useToast } from "@/components/ui/toaster";
import { fieldBinder, idleState } from "@/lib/actions/action-state";
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
  const field = fieldBinder(state);
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
        {...field("title")}
        label="Title"
        required
        maxLength={255}
        hint="The buyer sees this on the payment page."
      />
      <Field
        {...field("amount")}
        label="Amount"
        prefix="Rp"
        inputMode="numeric"
        required
        placeholder="150.000"
        hint="Whole rupiah, at least Rp 1.000."
      />
      <Field {...field("description")} label="Description (optional)" maxLength={1000} />
      <Field
        {...field("expiresAt")}
        label="Expires at (WIB)"
        type="datetime-local"
        required
        defaultValue={values?.expiresAt ?? defaultExpiry}
      />
      <Field
        {...field("returnUrl")}
        label="Return URL (optional)"
        type="url"
        placeholder="https://shop.example/thanks"
        hint="Where the buyer goes after paying."
      />
      <SubmitButton pendingText="Creating…">Create payment link</SubmitButton>
    </form>
  );
}
