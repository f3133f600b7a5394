"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button-class";
import { CopyValue, QrBlock, ShareBar } from "../shared/handoff-parts";
import { useShareText } from "../shared/use-share-text";
import type { HandoffTransaction, QrImage } from "../types";

export function PaymentLinkHandoff({
  transaction,
  qr,
}: {
  transaction: HandoffTransaction;
  qr: QrImage | null;
}) {
  const t = useTranslations("channels.payment-link.handoff");
  const tCommon = useTranslations("common");
  const tHandoff = useTranslations("handoff");
  const link = transaction.paymentLinkUrl ?? "";
  const share = useShareText(transaction, tHandoff("payAt", { link }));
  return (
    <div className="space-y-4">
      <h2 className="font-semibold text-slate-900">{t("title")}</h2>
      <CopyValue label={t("linkLabel")} value={link} copyLabel={t("copy")}>
        <a href={link} target="_blank" rel="noreferrer" className={buttonClass("secondary")}>
          {tCommon("open")}
        </a>
      </CopyValue>
      {qr ? <QrBlock qr={qr} label={t("qrLabel")} fileName={`link-${transaction.id}.png`} /> : null}
      <ShareBar text={share} />
    </div>
  );
}
