import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PaymentLinkForm } from "@/components/payments/payment-link-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { getFormatter } from "@/lib/i18n/server";
import { paymentLinkMinAmount } from "@/lib/purwantara/contract";
import { zonedInputValueFromNow } from "@/lib/time";
import { createPaymentLinkAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("paymentLink"))("pageTitle") };
}

export default async function NewPaymentLinkPage() {
  const user = await requirePageUser("payments:create");
  const t = await getTranslations("paymentLink");
  const format = await getFormatter();
  return (
    <div className="max-w-xl space-y-5">
      <PageHeader title={t("title")} description={t("subtitle")} />
      <div className="rounded-xl bg-white p-4 shadow-xs ring-1 ring-slate-200 sm:p-6">
        <PaymentLinkForm
          action={createPaymentLinkAction}
          idempotencyKey={randomUUID()}
          defaultExpiry={zonedInputValueFromNow(24 * 60 * 60 * 1000, user.timeZone)}
          zoneName={format.zoneName}
          minAmount={format.money(BigInt(paymentLinkMinAmount))}
        />
      </div>
    </div>
  );
}
