"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/button";
import { idleState } from "@/lib/actions/action-state";
import { reverifyQuarantineAction } from "../actions";

/** The admin's button to try the quarantined deliveries again with today's secrets. */
export function ReverifyForm() {
  const t = useTranslations("callbacks.inbox");
  const [state, action] = useActionState(reverifyQuarantineAction, idleState);
  return (
    <form action={action} className="mt-3 space-y-2">
      {/* Says the result (or why it failed) once, announced. */}
      <FormAlert state={state} />
      <SubmitButton variant="secondary" pendingText={t("reverifying")}>
        {t("reverify")}
      </SubmitButton>
    </form>
  );
}
