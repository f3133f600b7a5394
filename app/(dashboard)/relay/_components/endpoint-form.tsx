"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { fieldBinder, fieldError, idleState, type ActionState } from "@/lib/actions/action-state";
import { eventFieldName, relayEventTypes, type RelayEventType } from "@/lib/core/relay-events";
import { SecretOnce } from "./secret-once";

/** Adds or changes an endpoint: URL, description, the events it asks for. */
export function EndpointForm({
  action,
  initial,
  submitLabel,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  initial: { url: string; description: string; events: readonly RelayEventType[] };
  submitLabel: string;
}) {
  const t = useTranslations("relay");
  const [state, formAction] = useActionState(action, idleState);
  const field = fieldBinder(state, { url: initial.url, description: initial.description });
  const eventsError = fieldError(state, "events");
  const secret = state.status === "success" ? state.data?.secret : undefined;
  const checked = (type: RelayEventType) =>
    state.status === "error" && state.values
      ? state.values[eventFieldName(type)] === "on"
      : initial.events.includes(type);
  return (
    <div className="space-y-4">
      <form action={formAction} className="space-y-4" noValidate>
        <Field
          {...field("url")}
          label={t("form.url")}
          hint={t("form.urlHint")}
          type="url"
          inputMode="url"
          autoComplete="off"
          required
        />
        <Field {...field("description")} label={t("form.description")} maxLength={200} />
        <fieldset className="space-y-2" aria-describedby={eventsError ? "events-error" : undefined}>
          <legend className="text-sm font-medium text-slate-800">{t("form.events")}</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {relayEventTypes.map((type) => (
              <label key={type} className="flex min-h-11 items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name={eventFieldName(type)}
                  defaultChecked={checked(type)}
                  className="size-4"
                />
                {t(`event.${type}`)}
              </label>
            ))}
          </div>
          {eventsError ? (
            <p id="events-error" className="text-sm text-rose-700">
              {eventsError}
            </p>
          ) : null}
        </fieldset>
        <FormAlert state={state} />
        <SubmitButton pendingText={t("form.saving")}>{submitLabel}</SubmitButton>
      </form>
      {secret ? <SecretOnce secret={secret} /> : null}
    </div>
  );
}
