"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { channelViews } from "@/components/channels";
import type { FieldsContext } from "@/components/channels/types";
import { SubmitButton } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import type { TransactionChannel } from "@/db/schema";
import { fieldBinder, idleState, type ActionState } from "@/lib/actions/action-state";

/**
 * The one create form: the channel's own fields inside, the same one-time key, pending
 * state and error handling for every channel.
 */
export function PaymentForm({
  channel,
  action,
  idempotencyKey,
  initialValues,
  context,
}: {
  channel: TransactionChannel;
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  idempotencyKey: string;
  initialValues?: Record<string, string>;
  context: Omit<FieldsContext, "values">;
}) {
  const t = useTranslations("payment");
  const [state, formAction] = useActionState(action, idleState);
  const field = fieldBinder(state, initialValues);
  const values = state.status === "error" ? state.values : initialValues;
  const key =
    (state.status === "error" && state.idempotencyKey) || values?.idempotencyKey || idempotencyKey;
  const Fields = channelViews[channel]?.Fields;
  if (!Fields) return null;
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <input type="hidden" name="idempotencyKey" value={key} />
      <FormAlert state={state} />
      <Fields field={field} context={{ ...context, values }} />
      <SubmitButton pendingText={t("pending")} className="w-full sm:w-auto">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
