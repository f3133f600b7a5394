import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { creatableChannels } from "@/channels/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("payment"))("newTitle") };
}

/** The channel picker: every way a buyer can pay, one tap each. */
export default async function ChooseChannelPage() {
  await requirePageUser("payments:create");
  const t = await getTranslations();
  return (
    <div className="max-w-3xl space-y-5">
      <PageHeader title={t("payment.newTitle")} description={t("payment.newSubtitle")} />
      <ul className="grid gap-3 sm:grid-cols-2">
        {creatableChannels.map((channel) => (
          <li key={channel}>
            <Link
              href={`/payments/new/${channel}`}
              className="flex min-h-20 flex-col justify-center rounded-xl bg-white p-4 shadow-xs ring-1 ring-slate-200 hover:ring-brand-500 focus-visible:outline-2 focus-visible:outline-brand-500"
            >
              <span className="font-semibold text-slate-900">{t(`channels.${channel}.name`)}</span>
              <span className="text-sm text-slate-600">{t(`channels.${channel}.summary`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
