import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { HealthPanel } from "@/components/callbacks/health-panel";
import { buttonClass } from "@/components/ui/button-class";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { actingMode } from "@/lib/gateway/config";
import { getFormatter } from "@/lib/i18n/server";
import { recentlyAdjustedDays } from "@/lib/payments/closing-adjustments";
import { getOverview } from "@/lib/payments/overview";
import { AdjustedDays } from "./_components/adjusted-days";
import { BankTable } from "./_components/bank-table";
import { ChannelTable } from "./_components/channel-table";
import { DailyChartSection } from "./_components/daily-chart-section";
import { PeriodCards, StatusCards } from "./_components/figure-cards";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("overview"))("pageTitle") };
}

/** The first screen after sign-in: the mode's paid figures in the viewer's zone, each linked. */
export default async function OverviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser("overview:read");
  const t = await getTranslations("overview");
  const format = await getFormatter();
  const params = await searchParams;
  const mode = await actingMode(user);
  const [overview, adjustedDays] = await Promise.all([
    getOverview(mode, format.zone),
    can(user.role, "reconciliation:read") ? recentlyAdjustedDays(mode) : Promise.resolve([]),
  ]);
  const canCreate = can(user.role, "payments:create");
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("subtitle", { zone: format.zoneName })} />
      {params.denied ? (
        <p
          role="alert"
          className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950 ring-1 ring-amber-200"
        >
          {t("denied")}
        </p>
      ) : null}
      <HealthPanel />
      <AdjustedDays days={adjustedDays} />
      {overview.hasTransactions ? (
        <>
          <PeriodCards periods={overview.periods} />
          <StatusCards
            open={overview.open}
            needsReview={overview.needsReview}
            paidTwice={overview.paidTwice}
            maybePaidTwice={overview.maybePaidTwice}
            refunded={overview.refunded}
          />
          <DailyChartSection daily={overview.daily} />
          <div className="grid gap-6 xl:grid-cols-2">
            <ChannelTable channels={overview.channels} />
            <BankTable banks={overview.banks} />
          </div>
        </>
      ) : (
        <div className="rounded-xl bg-white shadow-xs ring-1 ring-slate-200">
          <EmptyState
            title={t("emptyTitle")}
            action={
              canCreate ? (
                <Link href="/payments/new" className={buttonClass("secondary")}>
                  {t("emptyAction")}
                </Link>
              ) : undefined
            }
          >
            {t("emptyBody")}
          </EmptyState>
        </div>
      )}
    </div>
  );
}
