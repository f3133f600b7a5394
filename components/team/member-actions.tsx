"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/button";
import { ConfirmActionForm } from "@/components/ui/confirm-action-form";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { idleState, type ActionState } from "@/lib/actions/action-state";
import { roles } from "@/lib/auth/roles";
import type { UserRole } from "@/db/schema";

type BoundAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;

function OneButtonForm({
  action,
  kind,
  label,
  pending,
}: {
  action: BoundAction;
  kind: string;
  label: string;
  pending: string;
}) {
  const [state, formAction] = useActionState(action, idleState);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="kind" value={kind} />
      <SubmitButton variant="secondary" pendingText={pending} className="w-full sm:w-auto">
        {label}
      </SubmitButton>
      <FormAlert state={state} />
    </form>
  );
}

/** What an admin can change about one colleague, behind a disclosure per row. */
export function MemberActions({
  action,
  member,
  isSelf,
}: {
  action: BoundAction;
  member: { id: string; name: string; role: UserRole; disabled: boolean };
  isSelf: boolean;
}) {
  const t = useTranslations("team.manage");
  const [open, setOpen] = useState(false);
  return (
    // The forms exist only while open: a long team list stays a light page.
    <details className="group" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="inline-flex min-h-11 cursor-pointer items-center rounded-md px-2 text-sm font-medium text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-brand-500">
        {t("open", { name: member.name })}
      </summary>
      {open ? <MemberForms action={action} member={member} isSelf={isSelf} /> : null}
    </details>
  );
}

function MemberForms({
  action,
  member,
  isSelf,
}: {
  action: BoundAction;
  member: { id: string; name: string; role: UserRole; disabled: boolean };
  isSelf: boolean;
}) {
  const t = useTranslations("team.manage");
  const tRole = useTranslations("role");
  const tConfirm = useTranslations("flows.confirm");
  const [state, formAction] = useActionState(action, idleState);
  return (
    <div className="mt-2 space-y-4 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
      <form action={formAction} className="space-y-2">
        <input type="hidden" name="kind" value="role" />
        <SelectField
          id={`role-${member.id}`}
          name="role"
          label={t("role")}
          defaultValue={member.role}
          options={roles.map((role) => ({ value: role, label: tRole(role) }))}
        />
        <SubmitButton variant="secondary" pendingText={t("pending")} className="w-full sm:w-auto">
          {t("changeRole")}
        </SubmitButton>
        <FormAlert state={state} />
      </form>
      {isSelf ? (
        <p className="text-xs text-slate-600">{t("selfNote")}</p>
      ) : (
        <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap">
          {member.disabled ? (
            <OneButtonForm
              action={action}
              kind="enable"
              label={t("enable")}
              pending={t("pending")}
            />
          ) : (
            <ConfirmActionForm
              action={action}
              fields={{ kind: "disable" }}
              label={t("disable")}
              pendingLabel={t("pending")}
              words={{
                title: tConfirm("disableTitle", { name: member.name }),
                stops: tConfirm("disableStops", { name: member.name }),
                confirm: t("disable"),
              }}
            />
          )}
          <OneButtonForm
            action={action}
            kind="force_password_reset"
            label={t("forceReset")}
            pending={t("pending")}
          />
        </div>
      )}
    </div>
  );
}

export function RevokeInvitationButton({ action, email }: { action: BoundAction; email: string }) {
  const t = useTranslations("team.pending");
  const tConfirm = useTranslations("flows.confirm");
  return (
    <ConfirmActionForm
      action={action}
      label={t("revoke")}
      pendingLabel={t("revoking")}
      triggerLabel={t("revokeFor", { email })}
      words={{
        title: tConfirm("revokeTitle", { email }),
        stops: tConfirm("revokeStops", { email }),
        confirm: t("revoke"),
      }}
    />
  );
}
