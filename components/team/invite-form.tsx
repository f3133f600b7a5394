"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { fieldBinder, idleState, type ActionState } from "@/lib/actions/action-state";
import { roles } from "@/lib/auth/roles";
import { locales } from "@/lib/i18n/config";

/**
 * Invites a colleague. With an SMTP server configured the link is emailed to them, in
 * the language chosen here; either way it is shown here once, to copy and hand over.
 */
export function InviteForm({
  action,
  locale,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  /** The admin's own language: the email's default. */
  locale: string;
}) {
  const t = useTranslations("team.invite");
  const tRole = useTranslations("role");
  const tCommon = useTranslations("common");
  const tLanguage = useTranslations("language");
  const [state, formAction] = useActionState(action, idleState);
  const field = fieldBinder(state);
  const link = state.status === "success" ? state.data?.link : undefined;
  const emailed = state.status === "success" && state.data?.emailed === "1";
  return (
    <div className="space-y-4">
      <form
        action={formAction}
        className="grid gap-4 sm:grid-cols-[1fr_10rem_10rem_auto] sm:items-start"
        noValidate
      >
        <Field {...field("email")} label={t("email")} type="email" autoComplete="off" required />
        <SelectField
          {...field("role")}
          label={t("role")}
          options={roles.map((role) => ({ value: role, label: tRole(role) }))}
          defaultValue={field("role").defaultValue ?? "operator"}
        />
        <SelectField
          {...field("locale")}
          label={t("language")}
          options={locales.map((value) => ({ value, label: tLanguage(value) }))}
          defaultValue={field("locale").defaultValue ?? locale}
        />
        <div className="sm:pt-6">
          <SubmitButton pendingText={t("pending")} className="w-full">
            {t("submit")}
          </SubmitButton>
        </div>
        <div className="sm:col-span-4">
          <FormAlert state={state} />
        </div>
      </form>
      {link ? (
        <div className="ring-brand-200 space-y-2 rounded-md bg-brand-50 p-3 ring-1">
          <label htmlFor="invitation-link" className="block text-sm font-medium text-slate-900">
            {t("linkLabel")}
          </label>
          <div className="flex flex-col gap-2 sm:flex-row">
            <input
              id="invitation-link"
              readOnly
              value={link}
              className="min-h-11 w-full min-w-0 rounded-md bg-white px-3 font-mono text-xs ring-1 ring-slate-300"
              onFocus={(e) => e.currentTarget.select()}
            />
            <CopyButton
              value={link}
              labels={{
                idle: tCommon("copy"),
                done: tCommon("copied"),
                failed: tCommon("copyFailed"),
              }}
            />
          </div>
          <p className="text-xs text-slate-700">{emailed ? t("linkNoteMailed") : t("linkNote")}</p>
        </div>
      ) : null}
    </div>
  );
}
