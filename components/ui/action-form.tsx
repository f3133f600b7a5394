"use client";

import { useActionState, type ReactNode } from "react";
import { SubmitButton } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { fieldBinder, idleState, type ActionState } from "@/lib/actions/action-state";

export type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;
/** Props tying a field to the form's last state (see `fieldBinder`). */
export type FieldBind = ReturnType<typeof fieldBinder>;

/**
 * The shell of a one-step form: `useActionState` over the action, the announced alert,
 * the fields (given the binder and the state), then the pending-aware submit button.
 */
export function ActionForm({
  action,
  submitLabel,
  pendingText,
  submitClassName = "w-full",
  children,
}: {
  action: FormAction;
  submitLabel: string;
  pendingText: string;
  submitClassName?: string;
  children: (field: FieldBind, state: ActionState) => ReactNode;
}) {
  const [state, formAction] = useActionState(action, idleState);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormAlert state={state} />
      {children(fieldBinder(state), state)}
      <SubmitButton pendingText={pendingText} className={submitClassName}>
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
