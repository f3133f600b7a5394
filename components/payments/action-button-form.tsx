"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { idleState, type ActionState } from "@/lib/actions/action-state";

/** One button that runs one action and says how it went, beside the button. */
export function ActionButtonForm({
  action,
  label,
  pendingLabel,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  label: string;
  pendingLabel: string;
}) {
  const [state, formAction] = useActionState(action, idleState);
  return (
    <form action={formAction} className="space-y-2 print:hidden">
      <FormAlert state={state} />
      <SubmitButton variant="secondary" pendingText={pendingLabel}>
        {label}
      </SubmitButton>
    </form>
  );
}
