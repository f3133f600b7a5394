import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AcceptInvitationForm } from "@/components/team/accept-invitation-form";
import { buttonClass } from "@/components/ui/button-class";
import { getFormatter } from "@/lib/i18n/server";
import { readInvitation } from "@/lib/team/invitations";
import { acceptInvitationAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invite"))("pageTitle") };
}

/** Where an invitation link lands: set a name and password, once, within 72 hours. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("invite");
  const tRole = await getTranslations("role");
  const state = await readInvitation(token);
  if (state.status !== "valid") {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">{t("invalidTitle")}</h1>
        <p className="text-sm text-slate-700">{t(`invalid.${state.status}`)}</p>
        <Link href="/login" className={`${buttonClass("secondary")} w-full`}>
          {t("toLogin")}
        </Link>
      </div>
    );
  }
  const format = await getFormatter();
  const { invitation } = state;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">
          {t("subtitle", {
            role: tRole(invitation.role),
            until: format.dateTime(invitation.expiresAt),
          })}
        </p>
      </div>
      <AcceptInvitationForm
        action={acceptInvitationAction.bind(null, token)}
        email={invitation.email}
      />
    </div>
  );
}
