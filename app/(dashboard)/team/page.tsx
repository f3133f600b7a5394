import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { InviteForm } from "@/components/team/invite-form";
import { MemberActions, RevokeInvitationButton } from "@/components/team/member-actions";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { getFormatter } from "@/lib/i18n/server";
import { getTeamDirectory } from "@/lib/team/directory";
import { changeMemberAction, inviteMemberAction, revokeInvitationAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("team"))("pageTitle") };
}

const card = "rounded-xl bg-white shadow-xs ring-1 ring-slate-200";

export default async function TeamPage() {
  const user = await requirePageUser("team:manage");
  const t = await getTranslations("team");
  const tRole = await getTranslations("role");
  const format = await getFormatter();
  const { members, invitations } = await getTeamDirectory();
  return (
    <div className="max-w-5xl space-y-6">
      <PageHeader title={t("title")} description={t("subtitle", { zone: format.zoneName })} />

      <section aria-labelledby="invite-heading" className={`${card} space-y-3 p-4 sm:p-6`}>
        <h2 id="invite-heading" className="text-lg font-semibold">
          {t("invite.title")}
        </h2>
        <p className="text-sm text-slate-600">{t("invite.body")}</p>
        <InviteForm action={inviteMemberAction} locale={user.locale} />
      </section>

      <section aria-labelledby="pending-heading" className={card}>
        <h2
          id="pending-heading"
          className="border-b border-slate-200 px-4 py-3 text-lg font-semibold sm:px-6"
        >
          {t("pending.title")}
        </h2>
        {invitations.length === 0 ? (
          <EmptyState title={t("pending.emptyTitle")}>{t("pending.emptyBody")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {invitations.map((invitation) => (
              <li
                key={invitation.id}
                className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between sm:px-6"
              >
                <div className="min-w-0 text-sm">
                  <p className="font-medium break-all text-slate-900">{invitation.email}</p>
                  <p className="text-slate-600">
                    {tRole(invitation.role)} ·{" "}
                    {t("pending.expires", { at: format.dateTime(invitation.expiresAt) })}
                  </p>
                </div>
                <RevokeInvitationButton
                  action={revokeInvitationAction.bind(null, invitation.id)}
                  email={invitation.email}
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="members-heading" className={card}>
        <h2
          id="members-heading"
          className="border-b border-slate-200 px-4 py-3 text-lg font-semibold sm:px-6"
        >
          {t("members.title", { count: members.length })}
        </h2>
        <ul className="divide-y divide-slate-100">
          {members.map((member) => (
            <li
              key={member.id}
              className="grid gap-2 px-4 py-3 sm:px-6 md:grid-cols-[2fr_1fr_1fr_1.5fr] md:items-start"
            >
              <div className="min-w-0 text-sm">
                <p className="font-medium text-slate-900">
                  {member.name}
                  {member.id === user.id ? (
                    <span className="ml-1 text-slate-600">{t("members.you")}</span>
                  ) : null}
                </p>
                <p className="break-all text-slate-600">{member.email}</p>
              </div>
              <p className="text-sm">
                <span className="md:sr-only">{t("members.role")}: </span>
                {tRole(member.role)}
              </p>
              <p className="text-sm">
                <span className="md:sr-only">{t("members.status")}: </span>
                <span
                  className={`rounded px-1.5 py-0.5 text-xs font-medium ${
                    member.disabledAt
                      ? "bg-slate-200 text-slate-800"
                      : "bg-emerald-100 text-emerald-900"
                  }`}
                >
                  {member.disabledAt ? t("members.disabled") : t("members.active")}
                </span>
                {member.mustChangePassword ? (
                  <span className="mt-1 block text-xs text-amber-900">
                    {t("members.mustChange")}
                  </span>
                ) : null}
              </p>
              <div className="space-y-1 text-sm">
                <p className="text-slate-700">
                  {t("members.lastSignIn", {
                    at: member.lastSignInAt
                      ? format.dateTime(member.lastSignInAt)
                      : t("members.never"),
                  })}
                </p>
                <MemberActions
                  action={changeMemberAction.bind(null, member.id)}
                  member={{
                    id: member.id,
                    name: member.name,
                    role: member.role,
                    disabled: member.disabledAt !== null,
                  }}
                  isSelf={member.id === user.id}
                />
              </div>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
