"use client";

import { useTranslations } from "next-intl";
import { LinkHandoff } from "../shared/link-handoff";
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
  return (
    <LinkHandoff
      transaction={transaction}
      link={transaction.checkoutUrl ?? ""}
      qr={qr}
      labels={{
        title: t("title"),
        linkLabel: t("linkLabel"),
        copy: t("copy"),
        qrLabel: t("qrLabel"),
      }}
      fileName={`shopeepay-${transaction.id}.png`}
      qrNote={<p className="text-center text-sm text-slate-600">{t("qrHint")}</p>}
    />
  );
}
