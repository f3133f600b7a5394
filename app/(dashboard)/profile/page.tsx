import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { PreferencesForm } from "@/components/preferences/preferences-form";
import { NameForm } from "@/components/profile/name-form";
import { NoticeForm } from "@/components/profile/notice-form";
import { PasswordForm } from "@/components/profile/password-form";
import { SessionsList } from "@/components/profile/sessions-list";
import { buttonClass } from "@/components/ui/button-class";
import { PageHeader } from "@/components/ui/page-header";
import { mySessions, twoFactorStatus } from "@/lib/auth/profile-service";
import { requirePageUser } from "@/lib/auth/session";
import { getFormatter } from "@/lib/i18n/server";
import { getNoticeChoices } from "@/lib/notices/preferences";
import { updatePreferencesAction } from "../../actions/preferences";
import {
  changePasswordAction,
  endOtherSessionsAction,
  endSessionAction,
  updateNameAction,
  updateNoticesAction,
} from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("profile"))("pageTitle") };
}

function Section({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={id}
      className="space-y-4 rounded-xl bg-white p-4 shadow-xs ring-1 ring-slate-200 sm:p-6"
    >
      <div>
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {description ? <p className="text-sm text-slate-600">{description}</p> : null}
      </div>
      {children}
    </section>
  );
}

export default async function ProfilePage() {
  const user = await requirePageUser("profile:update");
  const [t, tTeam, tSecurity, tTwoFactor, tNotices, format, sessions, twoFactor, notices] =
    await Promise.all([
      getTranslations("profile"),
      getTranslations("team"),
      getTranslations("security"),
      getTranslations("twoFactor"),
      getTranslations("notices"),
      getFormatter(),
      mySessions(user),
      twoFactorStatus(user.id),
      getNoticeChoices(user),
    ]);
  return (
    <div className="max-w-2xl space-y-5">
      <PageHeader title={t("title")} description={t("subtitle")} />
      {user.mustChangePassword ? (
        <p
          role="alert"
          className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950 ring-1 ring-amber-200"
        >
          {tTeam("forcedResetNotice")}
        </p>
      ) : null}
      {twoFactor.lockedAt ? (
        <p
          role="alert"
          className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900 ring-1 ring-red-200"
        >
          {tTwoFactor("lockedNotice", { date: format.dateTime(twoFactor.lockedAt) })}
        </p>
      ) : null}
      <Section id="profile-name" title={t("nameTitle")}>
        <NameForm action={updateNameAction} name={user.name} />
      </Section>
      <Section id="profile-preferences" title={t("preferencesTitle")}>
        <PreferencesForm
          action={updatePreferencesAction}
          current={{ locale: user.locale, timeZone: user.timeZone }}
        />
      </Section>
      <Section id="profile-notices" title={tNotices("title")} description={tNotices("subtitle")}>
        <NoticeForm action={updateNoticesAction} {...notices} />
      </Section>
      <Section
        id="profile-password"
        title={tSecurity("passwordTitle")}
        description={tSecurity("passwordHelp")}
      >
        <PasswordForm action={changePasswordAction} email={user.email} />
      </Section>
      <Section
        id="profile-two-factor"
        title={tTwoFactor("title")}
        description={tTwoFactor("subtitle")}
      >
        <p className="text-sm text-slate-800" data-testid="two-factor-status">
          {twoFactor.enabled
            ? tTwoFactor("statusOn", {
                date: format.dateTime(twoFactor.enabledAt),
                count: twoFactor.recoveryCodesLeft,
              })
            : tTwoFactor("statusOff")}
        </p>
        <Link
          href="/profile/two-factor"
          className={`${buttonClass(twoFactor.enabled ? "secondary" : "primary")} w-full sm:w-auto`}
        >
          {twoFactor.enabled ? tTwoFactor("manage") : tTwoFactor("setUp")}
        </Link>
      </Section>
      <Section
        id="profile-sessions"
        title={tSecurity("sessionsTitle")}
        description={tSecurity("sessionsHelp")}
      >
        <SessionsList
          sessions={sessions}
          endOne={endSessionAction}
          endOthers={endOtherSessionsAction}
        />
      </Section>
    </div>
  );
}
