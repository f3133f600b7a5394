import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { BuyerSheet, SheetAmount, SheetFacts, SheetNotice } from "@/components/buyer/buyer-sheet";
import { PrintToolbar } from "@/components/buyer/print-toolbar";
import { buttonClass } from "@/components/ui/button-class";
import { requirePageUser } from "@/lib/auth/session";
import { actingMode } from "@/lib/gateway/config";
import { bindFormatter, formatDay } from "@/lib/format";
import { describePaidWith } from "@/lib/i18n/paid-with";
import { getReceipt } from "@/lib/payments/receipt";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("receipt"))("pageTitle") };
}

/**
 * The receipt of a paid payment, to print or save as PDF for the buyer: the shop,
 * "Lunas", the amount, how and when it was paid (the shop's zone), the reference, and
 * approved refunds with the net. Built from the receipt's view model alone.
 */
export default async function ReceiptPage({ params }: Props) {
  const user = await requirePageUser("transactions:read");
  const { id } = await params;
  const outcome = await getReceipt(id, await actingMode(user));
  if (!outcome) notFound();
  const t = await getTranslations();
  const back = `/transactions/${id}`;
  if (outcome.kind === "unpaid") {
    const { state } = outcome.transaction;
    return (
      <>
        <PrintToolbar backHref={back} canPrint={false} />
        <SheetNotice
          title={t("receipt.unpaidTitle")}
          body={t("receipt.unpaidBody", { state: t(`status.${state}`) })}
        >
          {state === "active" ? (
            <Link href={`/transactions/${id}/slip`} className={buttonClass("secondary")}>
              {t("receipt.openSlip")}
            </Link>
          ) : null}
        </SheetNotice>
      </>
    );
  }
  const { receipt } = outcome;
  const locale = await getLocale();
  const format = bindFormatter(locale, receipt.shop.zone);
  const facts: [string, string][] = [
    [t("buyerPage.forWhat"), receipt.title ?? t("common.untitled")],
    [t("receipt.paidWith"), describePaidWith(t, receipt.channel, receipt.paidWith)],
    [t("receipt.paidAt"), format.dateTime(receipt.paidAt)],
    ...(receipt.reference
      ? [[t("buyerPage.reference"), receipt.reference] as [string, string]]
      : []),
  ];
  const refunds: [string, string][] = receipt.refunds.length
    ? [
        ...receipt.refunds.map(
          (r) =>
            [
              t("receipt.refundedOn", { day: formatDay(r.refundedOn, locale) }),
              format.money(r.amount),
            ] as [string, string],
        ),
        [t("receipt.refunded"), format.money(receipt.refunded)],
        [t("receipt.net"), format.money(receipt.net)],
      ]
    : [];
  return (
    <>
      <PrintToolbar backHref={back} />
      <BuyerSheet shop={receipt.shop} title={t("receipt.pageTitle")}>
        <p className="text-center">
          <span className="inline-block rounded-md px-3 py-1 text-base font-bold tracking-wider text-emerald-900 uppercase ring-2 ring-emerald-700 print:text-black print:ring-black">
            {t("receipt.paid")}
          </span>
        </p>
        <SheetAmount label={t("receipt.amount")} value={format.money(receipt.amount)} />
        {receipt.description ? (
          <p className="text-center text-sm break-words text-slate-800">{receipt.description}</p>
        ) : null}
        <SheetFacts facts={facts} />
        {refunds.length ? (
          <section
            aria-labelledby="refunds-heading"
            className="space-y-2 border-t border-dashed border-slate-400 pt-3"
          >
            <h2 id="refunds-heading" className="text-base font-semibold">
              {t("receipt.refunds")}
            </h2>
            <SheetFacts facts={refunds} />
          </section>
        ) : null}
        <p className="border-t border-dashed border-slate-400 pt-3 text-center text-sm">
          {t("receipt.thanks")}
        </p>
      </BuyerSheet>
    </>
  );
}
