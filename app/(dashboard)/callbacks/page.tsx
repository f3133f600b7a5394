import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { HealthPanel } from "@/components/callbacks/health-panel";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { actingMode } from "@/lib/gateway/config";
import { getFormatter } from "@/lib/i18n/server";
import { deliveryLogQuerySchema, getDeliveryLogPage } from "@/lib/webhooks/delivery-log";
import { getInboxView } from "@/lib/webhooks/inbox-view";
import { DeliveryList } from "./_components/delivery-list";
import { InboxPanel } from "./_components/inbox-panel";
import { LogFilters } from "./_components/log-filters";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("callbacks"))("pageTitle") };
}

export default async function CallbacksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser("callbacks:read");
  const t = await getTranslations();
  const format = await getFormatter();
  const mode = await actingMode(user);
  const parsed = deliveryLogQuerySchema.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : { outcome: [] };
  const [page, inbox] = await Promise.all([
    getDeliveryLogPage(query, user, mode),
    getInboxView(mode, can(user.role, "callbacks:manage")),
  ]);
  return (
    <div className="space-y-5">
      <PageHeader
        title={t("callbacks.title")}
        description={t("callbacks.subtitle", { mode: t(`mode.${mode}`), zone: format.zoneName })}
      />
      <Suspense fallback={<div className="h-32 animate-pulse rounded-xl bg-slate-100" />}>
        <HealthPanel />
      </Suspense>
      <InboxPanel view={inbox} format={format} />
      <LogFilters filter={page.filter} />
      {page.showsUnverified ? (
        <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-800">
          {t("callbacks.unverifiedShown")}
        </p>
      ) : null}
      <DeliveryList page={page} cursor={query.cursor ?? null} format={format} />
    </div>
  );
}
