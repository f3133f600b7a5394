import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { channelViews } from "@/channels/client";
import { qrImage } from "@/channels/shared/qr-image";
import { BuyerSheet, SheetAmount, SheetFacts, SheetNotice } from "@/components/buyer/buyer-sheet";
import { PrintToolbar } from "@/components/buyer/print-toolbar";
import { requirePageUser } from "@/lib/auth/session";
import { actingMode } from "@/lib/gateway/config";
import { bindFormatter } from "@/lib/format";
import { getSlip } from "@/lib/payments/slip";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("slip"))("pageTitle") };
}

/**
 * The payment slip the merchant prints or hands over: the shop, what to pay, the amount,
 * how to pay (the channel's own part), the deadline in the shop's zone. Built from the
 * slip's view model alone, so nothing internal can reach the paper. Paid: the receipt.
 */
export default async function SlipPage({ params }: Props) {
  const user = await requirePageUser("transactions:read");
  const { id } = await params;
  const outcome = await getSlip(id, await actingMode(user));
  if (!outcome) notFound();
  if (outcome.kind === "paid") redirect(`/transactions/${id}/receipt`);
  const t = await getTranslations();
  const back = `/transactions/${id}`;
  if (outcome.kind === "closed") {
    return (
      <>
        <PrintToolbar backHref={back} canPrint={false} />
        <SheetNotice
          title={t("slip.closedTitle")}
          body={t("slip.closedBody", { state: t(`status.${outcome.state}`) })}
        />
      </>
    );
  }
  const { slip } = outcome;
  const format = bindFormatter(await getLocale(), slip.shop.zone);
  const views = channelViews[slip.channel];
  const amount = format.money(slip.amount);
  const facts: [string, string][] = [
    [t("buyerPage.forWhat"), slip.title ?? t("common.untitled")],
    ...(slip.expiresAt
      ? [[t("slip.deadline"), format.dateTime(slip.expiresAt)] as [string, string]]
      : []),
    ...(slip.reference ? [[t("buyerPage.reference"), slip.reference] as [string, string]] : []),
  ];
  return (
    <>
      <PrintToolbar backHref={back} />
      <BuyerSheet shop={slip.shop} title={t("slip.pageTitle")}>
        <SheetAmount label={t("slip.amount")} value={amount} />
        {slip.description ? (
          <p className="text-center text-sm break-words text-slate-800">{slip.description}</p>
        ) : null}
        <SheetFacts facts={facts} />
        {views ? (
          <section
            aria-labelledby="how-to-pay"
            className="space-y-2 border-t border-dashed border-slate-400 pt-3"
          >
            <h2 id="how-to-pay" className="text-base font-semibold">
              {t("slip.howToPay")}
            </h2>
            <views.Slip
              pay={slip.pay}
              amount={amount}
              qr={await qrImage(views.qrText?.(slip.pay))}
            />
          </section>
        ) : null}
        <p className="border-t border-dashed border-slate-400 pt-3 text-center text-xs text-slate-700">
          {t("slip.check")}
        </p>
      </BuyerSheet>
    </>
  );
}
