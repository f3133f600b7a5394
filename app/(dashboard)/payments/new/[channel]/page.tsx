import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PaymentForm } from "@/components/payments/payment-form";
import { getMerchantProfile } from "@/lib/settings/merchant";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { actingMode, gatewayConfig } from "@/lib/gateway/config";
import { getChannelModule } from "@/channels/server";
import { getFormatter } from "@/lib/i18n/server";
import { getTransactionDetail } from "@/lib/payments/transaction-detail";
import { zonedInputValueFromNow } from "@/lib/core/time";
import { createPaymentAction } from "./actions";

type Props = {
  params: Promise<{ channel: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const channelModule = getChannelModule((await params).channel);
  const t = await getTranslations();
  return {
    title: channelModule
      ? t("payment.pageTitle", { channel: t(`channel.${channelModule.channel}`) })
      : undefined,
  };
}

export default async function NewPaymentPage({ params, searchParams }: Props) {
  const user = await requirePageUser("payments:create");
  const channelModule = getChannelModule((await params).channel);
  if (!channelModule) notFound();
  // "Create again with these details": start from an earlier payment of this channel.
  const { from } = await searchParams;
  const mode = await actingMode(user);
  const earlier = typeof from === "string" ? await getTransactionDetail(from, mode) : null;
  const initialValues =
    earlier?.transaction.channel === channelModule.channel
      ? channelModule.prefill(earlier.transaction)
      : undefined;
  const t = await getTranslations();
  const format = await getFormatter();
  const canConfigure = can(user.role, "settings:manage");
  return (
    <div className="max-w-xl space-y-5">
      <PageHeader
        title={t(`channels.${channelModule.channel}.name`)}
        description={t(`channels.${channelModule.channel}.summary`)}
      />
      <Link
        href="/payments/new"
        className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline"
      >
        ← {t("payment.changeChannel")}
      </Link>
      {(await gatewayConfig(mode)) ? null : (
        // A fresh install configured from Settings: say so before anyone fills the form.
        <p
          role="status"
          className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-900 ring-1 ring-rose-200"
        >
          {t(`actions.noCredentials.${mode}`)}{" "}
          {canConfigure ? (
            <Link href="/settings" className="font-semibold underline">
              {t("shell.noGatewayAdmin")}
            </Link>
          ) : null}
        </p>
      )}
      <div className="rounded-xl bg-white p-4 shadow-xs ring-1 ring-slate-200 sm:p-6">
        <PaymentForm
          channel={channelModule.channel}
          action={createPaymentAction.bind(null, channelModule.channel)}
          idempotencyKey={randomUUID()}
          initialValues={initialValues}
          emailReceipts={(await getMerchantProfile()).emailReceipts}
          context={{
            zoneName: format.zoneName,
            defaultExpiry: zonedInputValueFromNow(channelModule.defaultExpiryMs, user.timeZone),
            minAmount: format.money(BigInt(channelModule.minAmount)),
          }}
        />
      </div>
    </div>
  );
}
