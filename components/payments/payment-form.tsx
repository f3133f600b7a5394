"use client";

import { useActionState, useMemo } from "react";
import { useTranslations } from "next-intl";
import { channelViews } from "@/channels/client";
import type { FieldsContext } from "@/channels/shared/view-types";
import { SubmitButton } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import type { TransactionChannel } from "@/db/schema";
import { fieldBinder, idleState, type ActionState } from "@/lib/actions/action-state";
import { formValues, saveDraft } from "./payment-drafts";
import { ReceiptCheckbox } from "./receipt-checkbox";
import { DraftNotice, JustCreatedNotice, RepeatNotice } from "./payment-form-notices";
import { sendOrKeep } from "./send-or-keep";
import { useDraft } from "./use-draft";

type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * The one create form: the channel's own fields inside, the same one-time key, pending
 * state and error handling for every channel. What is typed is kept in the tab until
 * the payment is made (Back, Forward, offline); Back after making it says so, and a
 * near-identical payment made minutes ago is asked about once.
 */
export function PaymentForm({
  channel,
  action,
  idempotencyKey,
  initialValues,
  context,
  emailReceipts = false,
}: {
  channel: TransactionChannel;
  action: FormAction;
  idempotencyKey: string;
  initialValues?: Record<string, string>;
  context: Omit<FieldsContext, "values">;
  /** The merchant emails receipts to buyers (Settings): offer to leave this one out. */
  emailReceipts?: boolean;
}) {
  const t = useTranslations("payment");
  const tFlows = useTranslations("flows");
  const offline = tFlows("offline.notSent");
  const send = useMemo(() => sendOrKeep(action, channel, offline), [action, channel, offline]);
  const [state, formAction] = useActionState(send, idleState);
  const draft = useDraft(channel, initialValues === undefined);
  const starting = draft.values ?? initialValues;
  const field = fieldBinder(state, starting);
  const values = state.status === "error" ? state.values : starting;
  const key =
    (state.status === "error" && state.idempotencyKey) || values?.idempotencyKey || idempotencyKey;
  // The server's question about a repeat says what the Back notice says, and more.
  const repeatOf = state.status === "error" ? state.repeatOf : undefined;
  const Fields = channelViews[channel]?.Fields;
  if (!Fields) return null;
  return (
    <form
      action={formAction}
      onChange={(event) => saveDraft(channel, formValues(event.currentTarget))}
      className="space-y-5"
      noValidate
    >
      <input type="hidden" name="idempotencyKey" value={key} />
      {draft.createdId && !repeatOf ? <JustCreatedNotice id={draft.createdId} /> : null}
      {draft.values && state.status === "idle" ? <DraftNotice onDiscard={draft.discard} /> : null}
      <FormAlert state={state} />
      {repeatOf ? <RepeatNotice id={repeatOf.id} /> : null}
      <Fields key={draft.version} field={field} context={{ ...context, values }} />
      {emailReceipts ? (
        <ReceiptCheckbox
          checked={values?.emailReceiptOffered ? values.emailReceipt === "on" : true}
        />
      ) : null}
      <SubmitButton pendingText={t("pending")} className="w-full sm:w-auto">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
