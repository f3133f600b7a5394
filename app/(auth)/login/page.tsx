import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { TwoFactorStepForm } from "@/components/auth/two-factor-step-form";
import { hasAnyAccount } from "@/lib/auth/accounts";
import { safeNextPath, sessionEndedReason } from "@/lib/auth/next-path";
import { getCurrentUser, getPendingSignIn } from "@/lib/auth/session";
import { cancelSignInAction, signInAction, verifyTwoFactorAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("pageTitle") };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { next: rawNext, reset, reason } = await searchParams;
  const next = safeNextPath(typeof rawNext === "string" ? rawNext : undefined);
  if (await getCurrentUser()) redirect(next);
  const pending = await getPendingSignIn();
  if (pending) {
    const t = await getTranslations("twoFactor");
    return (
      <>
        <h1 className="mb-1 text-xl font-semibold">{t("stepTitle")}</h1>
        <p className="mb-5 text-sm text-slate-600">{t("stepSubtitle", { email: pending.email })}</p>
        <TwoFactorStepForm action={verifyTwoFactorAction} cancel={cancelSignInAction} next={next} />
      </>
    );
  }
  if (!(await hasAnyAccount())) redirect("/setup");
  const t = await getTranslations("login");
  const tFlows = await getTranslations("flows");
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">{t("title")}</h1>
      <p className="mb-5 text-sm text-slate-600">{t("subtitle")}</p>
      {reason === sessionEndedReason ? (
        <p
          role="status"
          className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950 ring-1 ring-amber-200"
        >
          {t("signedOutElsewhere")} {typeof rawNext === "string" ? tFlows("signedOutReturn") : null}
        </p>
      ) : null}
      {reset === "1" ? (
        <p
          role="status"
          className="mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-950 ring-1 ring-emerald-200"
        >
          {t("passwordReset")}
        </p>
      ) : null}
      <LoginForm action={signInAction} next={next} />
      <p className="mt-4 text-center text-sm">
        <Link href="/forgot-password" className="text-brand-700 underline underline-offset-2">
          {t("forgot")}
        </Link>
      </p>
    </>
  );
}
