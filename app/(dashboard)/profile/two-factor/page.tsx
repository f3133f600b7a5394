import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import {
  ConfirmTwoFactorForm,
  DisableTwoFactorForm,
  StartTwoFactorForm,
} from "@/components/profile/two-factor-forms";
import { PageHeader } from "@/components/ui/page-header";
import { pendingTwoFactorSecret, twoFactorStatus } from "@/lib/auth/profile-service";
import { mustSetUpTwoFactor } from "@/lib/auth/holds";
import { requirePageUser } from "@/lib/auth/session";
import { otpauthUri, qrSvg } from "@/lib/auth/two-factor";
import { getFormatter } from "@/lib/i18n/server";
import { confirmTwoFactorAction, disableTwoFactorAction, startTwoFactorAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("twoFactor"))("pageTitle") };
}

const card = "space-y-4 rounded-xl bg-white p-4 shadow-xs ring-1 ring-slate-200 sm:p-6";

/** Turning two-factor sign-in on (scan, confirm, recovery codes) and off. */
export default async function TwoFactorPage() {
  const user = await requirePageUser("profile:update");
  const [t, format, status, pendingSecret, required] = await Promise.all([
    getTranslations("twoFactor"),
    getFormatter(),
    twoFactorStatus(user.id),
    pendingTwoFactorSecret(user.id),
    mustSetUpTwoFactor(user),
  ]);
  const qr = pendingSecret ? await qrSvg(otpauthUri(user.email, pendingSecret)) : null;
  return (
    <div className="max-w-2xl space-y-5">
      <PageHeader title={t("title")} description={t("subtitle")} />
      {required ? (
        <p
          role="alert"
          className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950 ring-1 ring-amber-200"
        >
          {t("required")}
        </p>
      ) : null}
      {status.enabled ? (
        <section aria-labelledby="two-factor-off" className={card}>
          <p className="text-sm text-slate-800" data-testid="two-factor-status">
            {t("statusOn", {
              date: format.dateTime(status.enabledAt),
              count: status.recoveryCodesLeft,
            })}
          </p>
          <h2 id="two-factor-off" className="text-lg font-semibold">
            {t("disableTitle")}
          </h2>
          <DisableTwoFactorForm action={disableTwoFactorAction} />
        </section>
      ) : pendingSecret && qr ? (
        <section aria-labelledby="two-factor-scan" className={card}>
          <h2 id="two-factor-scan" className="text-lg font-semibold">
            {t("start")}
          </h2>
          <p className="text-sm text-slate-700">{t("scan")}</p>
          <div
            role="img"
            aria-label={t("qrLabel")}
            className="mx-auto w-56 max-w-full bg-white p-2 ring-1 ring-slate-200 sm:mx-0"
            // The SVG is drawn on the server by the qrcode library from our own URI.
            dangerouslySetInnerHTML={{ __html: qr }}
          />
          <div className="text-sm">
            <p className="text-slate-700">{t("manualKey")}</p>
            <p className="font-mono text-base break-all select-all" data-testid="totp-secret">
              {pendingSecret}
            </p>
          </div>
          <ConfirmTwoFactorForm action={confirmTwoFactorAction} />
        </section>
      ) : (
        <section className={card}>
          <p className="text-sm text-slate-800">{t("statusOff")}</p>
          <StartTwoFactorForm action={startTwoFactorAction} label={t("start")} />
        </section>
      )}
      <Link href="/profile" className="inline-block text-sm font-medium text-brand-700 underline">
        {t("back")}
      </Link>
    </div>
  );
}
