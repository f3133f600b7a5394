import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button-class";
import { CallbackUrl } from "@/components/settings/callback-url";
import { CallbackSelfTest } from "@/components/settings/callback-self-test";
import { GatewayModeCard } from "@/components/settings/gateway-mode-card";
import { LogoForm } from "@/components/settings/logo-form";
import { MerchantForm } from "@/components/settings/merchant-form";
import { ActionButtonForm } from "@/components/payments/action-button-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { appCallbackUrl } from "@/lib/http/app-origin";
import { getFormatter } from "@/lib/i18n/server";
import { getMerchantProfile, settlementChannels } from "@/lib/settings/merchant";
import { getSettingsOverview } from "@/lib/settings/overview";
import { timeZoneIds } from "@/lib/core/time";
import {
  clearGatewayAction,
  removeLogoAction,
  retireSecretAction,
  rotateSecretAction,
  saveGatewayAction,
  saveMerchantAction,
  sendTestCallbackAction,
  testConnectionAction,
  uploadLogoAction,
} from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("pageTitle") };
}

const card = "space-y-4 rounded-xl bg-white p-4 shadow-xs ring-1 ring-slate-200 sm:p-6";

export default async function SettingsPage() {
  await requirePageUser("settings:manage");
  const t = await getTranslations("settings");
  const tZone = await getTranslations("timeZone");
  const format = await getFormatter();
  const [overview, merchant] = await Promise.all([getSettingsOverview(), getMerchantProfile()]);
  const callbackUrl = appCallbackUrl();
  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader title={t("title")} description={t("subtitle")} />

      <section aria-labelledby="callback-heading" className={card}>
        <h2 id="callback-heading" className="text-lg font-semibold">
          {t("sections.callback")}
        </h2>
        <p className="text-sm text-slate-600">{t("callback.body")}</p>
        <CallbackUrl url={callbackUrl} />
        <p className="text-xs text-slate-600">
          {getEnv().appUrlFromEnv ? t("callback.fromAppUrl") : t("callback.fromDefault")}
        </p>
      </section>
      <CallbackSelfTest />

      <section aria-labelledby="gateway-heading" className="space-y-4">
        <h2 id="gateway-heading" className="text-lg font-semibold">
          {t("sections.gateway")}
        </h2>
        <p className="text-sm text-slate-600">{t("gateway.intro")}</p>
        {overview.encryptionProblem ? (
          <p
            role="alert"
            className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950 ring-1 ring-amber-200"
          >
            {t(`encryption.${overview.encryptionProblem}`)}
          </p>
        ) : null}
        {overview.modes.map((mode) => (
          <GatewayModeCard
            key={mode.mode}
            overview={mode}
            encryptionReady={overview.encryptionReady}
            format={format}
            actions={{
              save: saveGatewayAction.bind(null, mode.mode),
              rotate: rotateSecretAction.bind(null, mode.mode),
              retire: retireSecretAction.bind(null, mode.mode),
              clear: clearGatewayAction.bind(null, mode.mode),
              testConnection: testConnectionAction.bind(null, mode.mode),
              testCallback: sendTestCallbackAction.bind(null, mode.mode),
            }}
          />
        ))}
      </section>

      <section aria-labelledby="email-heading" className={card}>
        <h2 id="email-heading" className="text-lg font-semibold">
          {t("sections.email")}
        </h2>
        <p className="text-sm text-slate-600">{t("email.body")}</p>
        <Link href="/settings/email" className={buttonClass("secondary")}>
          {t("email.open")}
        </Link>
      </section>

      <section aria-labelledby="merchant-heading" className={card}>
        <h2 id="merchant-heading" className="text-lg font-semibold">
          {t("sections.merchant")}
        </h2>
        <MerchantForm
          action={saveMerchantAction}
          timeZones={timeZoneIds.map((zone) => ({ value: zone, label: tZone(zone) }))}
          current={{
            businessName: merchant.businessName ?? "",
            businessContact: merchant.businessContact ?? "",
            defaultTimeZone: merchant.defaultTimeZone,
            requireAdminTwoFactor: merchant.requireAdminTwoFactor,
            emailReceipts: merchant.emailReceipts,
            receiptLocale: merchant.receiptLocale,
            delays: settlementChannels.map((channel) => ({
              channel,
              days: merchant.settlementDelays[channel],
            })),
          }}
        />
      </section>

      <section aria-labelledby="logo-heading" className={card}>
        <h2 id="logo-heading" className="text-lg font-semibold">
          {t("sections.logo")}
        </h2>
        {merchant.logoUpdatedAt ? (
          <div className="space-y-3">
            <p className="text-sm text-slate-700">{t("logo.current")}</p>
            {/* eslint-disable-next-line @next/next/no-img-element -- an authenticated route's bytes, not a static asset for next/image */}
            <img
              src={`/api/settings/logo?v=${merchant.logoUpdatedAt.getTime()}`}
              alt={t("logo.alt")}
              className="max-h-20 max-w-48 rounded ring-1 ring-slate-200"
            />
            <ActionButtonForm
              action={removeLogoAction}
              label={t("logo.remove")}
              pendingLabel={t("logo.removing")}
            />
          </div>
        ) : (
          <p className="text-sm text-slate-600">{t("logo.none")}</p>
        )}
        <LogoForm action={uploadLogoAction} />
      </section>
    </div>
  );
}
