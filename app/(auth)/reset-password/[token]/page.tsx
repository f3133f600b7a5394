import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { buttonClass } from "@/components/ui/button-class";
import { readResetLink } from "@/lib/auth/password-reset";
import { resetPasswordAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("passwordReset"))("pageTitle") };
}

/** Where an emailed reset link lands: a new password, once, within 30 minutes. */
export default async function ResetPasswordPage({
  params,
}: {
  params: Promise<{ token: string }>;
}) {
  const { token } = await params;
  const t = await getTranslations("passwordReset");
  const state = await readResetLink(token);
  if (state !== "valid") {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">{t("invalidTitle")}</h1>
        <p className="text-sm text-slate-700">{t(`invalid.${state}`)}</p>
        <Link href="/forgot-password" className={`${buttonClass("secondary")} w-full`}>
          {t("askAgain")}
        </Link>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <div>
        <h1 className="mb-1 text-xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("subtitle")}</p>
      </div>
      <ResetPasswordForm action={resetPasswordAction.bind(null, token)} />
    </div>
  );
}
