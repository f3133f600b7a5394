import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AdjustedBadge, ClosingBadge } from "@/components/reconciliation/closing-badge";
import { SettlementTable } from "@/components/reconciliation/settlement-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { formatDay, formatMonth } from "@/lib/format";
import { actingMode } from "@/lib/gateway/config";
import { getFormatter } from "@/lib/i18n/server";
import { getReconciliationMonth } from "@/lib/payments/reconciliation-view";
import { addDays, zonedDay } from "@/lib/core/time";
import { getBusinessZone } from "@/lib/settings/merchant";
import { timeZones } from "@/lib/core/time";
import { DelaysNote, OverduePanel } from "./_components/overdue-panel";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reconciliation"))("pageTitle") };
}

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;
const shiftMonth = (month: string, by: number) => addDays(`${month}-15`, by * 30).slice(0, 7);

/** The settlement view: a month of days in the business's zone, newest first. */
export default async function ReconciliationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser("reconciliation:read");
  const t = await getTranslations("reconciliation");
  const format = await getFormatter();
  const params = await searchParams;
  const zone = await getBusinessZone();
  const zoneName = timeZones[zone].abbreviation;
  const current = zonedDay(new Date(), zone).slice(0, 7);
  const asked =
    typeof params.month === "string" && monthPattern.test(params.month) ? params.month : current;
  const month = asked > current ? current : asked;
  const view = await getReconciliationMonth(await actingMode(user), zone, month);
  const next = shiftMonth(month, 1);
  const mayExport = can(user.role, "transactions:export");
  const navLink =
    "inline-flex min-h-11 items-center rounded-md px-3 text-sm font-medium text-brand-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500";
  const active = view.days.filter(
    (d) => d.paid.count + d.settled.count + d.unsettled.count > 0 || d.closing,
  );
  return (
    <div className="space-y-5">
      <PageHeader title={t("title")} description={t("subtitle", { zone: zoneName })} />
      <p className="text-xs text-slate-600">
        {t("businessZone", { zone: zoneName })} {t("basis")}
      </p>
      {mayExport ? (
        <a
          href={`/api/refunds/export?from=${month}-01&to=${addDays(`${next}-01`, -1)}`}
          download
          className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 hover:underline"
        >
          {t("exportRefunds")}
        </a>
      ) : null}
      <DelaysNote delays={view.delays} />
      <OverduePanel overdue={view.overdue} />
      <section
        aria-labelledby="reconciliation-month"
        className="overflow-hidden rounded-xl bg-white shadow-xs ring-1 ring-slate-200"
      >
        <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-2 py-1">
          <h2
            id="reconciliation-month"
            className="order-first w-full px-2 pt-2 font-semibold sm:order-none sm:w-auto sm:pt-0"
          >
            {formatMonth(month, format.locale)}
          </h2>
          <nav
            aria-label={t("monthNav")}
            className="flex w-full justify-between sm:w-auto sm:gap-2"
          >
            <Link href={`/reconciliation?month=${shiftMonth(month, -1)}`} className={navLink}>
              {`← ${t("previousMonth")}`}
            </Link>
            {next <= current ? (
              <Link href={`/reconciliation?month=${next}`} className={navLink}>
                {`${t("nextMonth")} →`}
              </Link>
            ) : null}
          </nav>
        </div>
        {active.length === 0 ? (
          <EmptyState title={formatMonth(month, format.locale)}>{t("emptyMonth")}</EmptyState>
        ) : (
          <SettlementTable
            format={format}
            firstColumn={t("columns.day")}
            extraColumn={t("columns.status")}
            rows={view.days.map((d) => ({
              ...d,
              key: d.day,
              label: (
                <Link
                  href={`/reconciliation/${d.day}`}
                  className="text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-brand-500"
                >
                  {formatDay(d.day, format.locale, true)}
                </Link>
              ),
              extra: (
                <span className="flex flex-wrap gap-1">
                  <ClosingBadge status={d.closing?.status ?? "open"} />
                  {d.adjusted ? <AdjustedBadge /> : null}
                </span>
              ),
            }))}
          />
        )}
      </section>
    </div>
  );
}
