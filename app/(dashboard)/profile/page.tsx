import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PreferencesForm } from "@/components/preferences/preferences-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { updatePreferencesAction } from "../../actions/preferences";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("profile"))("pageTitle") };
}

export default async function ProfilePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser("profile:update");
  const t = await getTranslations("profile");
  const { password } = await searchParams;
  const tTeam = await getTranslations("team");
  return (
    <div className="max-w-xl space-y-5">
      <PageHeader title={t("title")} description={t("subtitle")} />
      {password === "required" ? (
        <p
          role="alert"
          className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950 ring-1 ring-amber-200"
        >
          {tTeam("forcedResetNotice")}
        </p>
      ) : null}
      <div className="rounded-xl bg-white p-4 shadow-xs ring-1 ring-slate-200 sm:p-6">
        <PreferencesForm
          action={updatePreferencesAction}
          current={{ locale: user.locale, timeZone: user.timeZone }}
        />
      </div>
    </div>
  );
}
