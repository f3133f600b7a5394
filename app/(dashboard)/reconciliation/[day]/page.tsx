import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClosingBadge } from "@/components/reconciliation/closing-badge";
import { SettlementTable } from "@/components/reconciliation/settlement-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { formatDay } from "@/lib/format";
import { actingMode } from "@/lib/gateway/config";
import { getFormatter } from "@/lib/i18n/server";
import { markedFigures } from "@/lib/payments/reconciliation";
import { getReconciliationDayView } from "@/lib/payments/reconciliation-view";
import { getDayRefunds } from "@/lib/payments/refund-view";
import { isDay } from "@/lib/core/time";
import { getBusinessZone } from "@/lib/settings/merchant";
import { timeZones } from "@/lib/core/time";
import { markDayAction, reviewAdjustmentAction, reviewDayAction } from "./actions";
import { AdjustmentPanel } from "./_components/adjustment-panel";
import { MarkForm, ReviewForm } from "./_components/closing-forms";
import { DayRefunds } from "./_components/day-refunds";

type Props = { params: Promise<{ day: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { day } = await params;
  const format = await getFormatter();
  const t = await getTranslations("reconciliation");
  return {
    title: isDay(day) ? t("dayTitle", { day: formatDay(day, format.locale) }) : t("pageTitle"),
  };
}

/** One day per channel, and its maker-checker closing. */
export default async function ReconciliationDayPage({ params }: Props) {
  const user = await requirePageUser("reconciliation:read");
  const { day } = await params;
  if (!isDay(day)) notFound();
  const t = await getTranslations("reconciliation");
  const tChannel = await getTranslations("channel");
  const format = await getFormatter();
  const mode = await actingMode(user);
  const [view, refunds] = await Promise.all([
    getReconciliationDayView(mode, await getBusinessZone(), day),
    getDayRefunds(mode, day),
  ]);
  const closing = view.closing;
  const status = closing?.status ?? "open";
  const canMark =
    can(user.role, "reconciliation:mark") && view.ended && (!closing || status === "rejected");
  const canReview =
    can(user.role, "reconciliation:approve") &&
    status === "awaiting_approval" &&
    closing?.markedBy !== user.id;
  const figures = markedFigures(closing?.figures);
  const zoneName = timeZones[view.zone].abbreviation;
  return (
    <div className="space-y-5">
      <Link
        href={`/reconciliation?month=${day.slice(0, 7)}`}
        className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 hover:underline"
      >
        {`← ${t("back")}`}
      </Link>
      <PageHeader
        title={t("dayTitle", { day: formatDay(day, format.locale, true) })}
        description={t("daySubtitle", { zone: zoneName })}
        action={<ClosingBadge status={status} />}
      />
      <p className="text-xs text-slate-600">
        {t("businessZone", { zone: zoneName })} {t("basis")}
      </p>
      <section className="overflow-hidden rounded-xl bg-white shadow-xs ring-1 ring-slate-200">
        {view.channels.length === 0 ? (
          <EmptyState title={formatDay(day, format.locale)}>{t("dayEmpty")}</EmptyState>
        ) : (
          <SettlementTable
            format={format}
            firstColumn={t("columns.channel")}
            rows={view.channels.map((r) => ({
              ...r,
              key: r.channel ?? "all",
              label: tChannel(r.channel!),
            }))}
            total={{ ...view.total, key: "total", label: t("total") }}
          />
        )}
      </section>
      <AdjustmentPanel
        adjustment={view.adjustment}
        reviews={view.reviews}
        format={format}
        review={
          can(user.role, "reconciliation:approve") ? reviewAdjustmentAction.bind(null, day) : null
        }
      />
      <DayRefunds refunds={refunds} format={format} />
      <section
        aria-labelledby="closing-title"
        className="space-y-3 rounded-xl bg-white p-4 shadow-xs ring-1 ring-slate-200"
      >
        <h2 id="closing-title" className="font-semibold">
          {t("closingTitle")}
        </h2>
        {closing ? (
          <dl className="space-y-2 text-sm">
            <div>
              <dt className="font-medium">
                {t("markedBy", {
                  name: closing.markedByName,
                  time: format.dateTime(closing.markedAt),
                })}
              </dt>
              <dd className="whitespace-pre-line text-slate-700">{closing.markNote}</dd>
              {figures ? (
                <dd className="text-xs text-slate-600">
                  {t("figuresAtMark", {
                    paid: format.money(figures.paidAmount),
                    settled: format.money(figures.settledAmount),
                    fee: format.money(figures.fee),
                    net: format.money(figures.net),
                  })}
                </dd>
              ) : null}
              {figures && figures.unknownFeeCount > 0 ? (
                <dd className="text-xs text-amber-800">
                  {t("figuresFeeUnknown", { count: figures.unknownFeeCount })}
                </dd>
              ) : null}
              {closing.timeZone !== view.zone ? (
                <dd className="text-xs text-slate-600">
                  {t("markedIn", { zone: timeZones[closing.timeZone].abbreviation })}
                </dd>
              ) : null}
            </div>
            {closing.reviewedAt && closing.reviewedByName && status !== "awaiting_approval" ? (
              <div>
                <dt className="font-medium">
                  {t(status === "approved" ? "approvedBy" : "rejectedBy", {
                    name: closing.reviewedByName,
                    time: format.dateTime(closing.reviewedAt),
                  })}
                </dt>
                {closing.reviewNote ? (
                  <dd className="whitespace-pre-line text-slate-700">{closing.reviewNote}</dd>
                ) : null}
              </div>
            ) : null}
          </dl>
        ) : (
          <p className="text-sm text-slate-700">{view.ended ? t("notMarked") : t("notEnded")}</p>
        )}
        {status === "awaiting_approval" ? (
          <p className="text-sm text-amber-900">
            {closing?.markedBy === user.id ? t("ownMarkBody") : t("awaitingBody")}
          </p>
        ) : null}
        {canMark ? <MarkForm action={markDayAction.bind(null, day)} /> : null}
        {canReview ? (
          <ReviewForm
            approve={reviewDayAction.bind(null, day, "approved")}
            reject={reviewDayAction.bind(null, day, "rejected")}
          />
        ) : null}
      </section>
    </div>
  );
}
