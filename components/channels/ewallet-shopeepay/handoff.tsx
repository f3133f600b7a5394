"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button-class";
import { CopyValue, QrBlock, ShareBar } from "../shared/handoff-parts";
import { useShareText } from "../shared/use-share-text";
import type { HandoffTransaction, QrImage } from "../types";

/** The ShopeePay checkout link (copy, open) and a QR of it, drawn on our server. */
export function ShopeepayHandoff({
  transaction,
  qr,
}: {
  transaction: HandoffTransaction;
  qr: QrImage | null;
}) {
  const t = useTranslations("channels.ewallet-shopeepay.handoff");
  const tCommon = useTranslations("common");
  const tHandoff = useTranslations("handoff");
  const link = transaction.checkoutUrl ?? "";
  const share = useShareText(transaction, tHandoff("payAt", { link }));
  return (
    <div className="space-y-4">
      <h2 className="font-semibold text-slate-900">{t("title")}</h2>
      <CopyValue label={t("linkLabel")} value={link} copyLabel={t("copy")}>
        <a href={link} target="_blank" rel="noreferrer" className={buttonClass("secondary")}>
          {tCommon("open")}
        </a>
      </CopyValue>
      {qr ? (
        <>
          <QrBlock qr={qr} label={t("qrLabel")} fileName={`shopeepay-${transaction.id}.png`} />
          <p className="text-center text-sm text-slate-600">{t("qrHint")}</p>
        </>
      ) : null}
      <ShareBar text={share} />
    </div>
  );
}
