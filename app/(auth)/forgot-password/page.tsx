import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { requestPasswordResetAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("passwordReset"))("requestPageTitle") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("passwordReset");
  return (
    <div className="space-y-4">
      <div>
        <h1 className="mb-1 text-xl font-semibold">{t("requestTitle")}</h1>
        <p className="text-sm text-slate-600">{t("requestSubtitle")}</p>
      </div>
      <ForgotPasswordForm action={requestPasswordResetAction} />
      <p className="text-center text-sm">
        <Link href="/login" className="text-brand-700 underline underline-offset-2">
          {t("toLogin")}
        </Link>
      </p>
    </div>
  );
}
