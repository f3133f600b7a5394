"use client";

import { useTranslations } from "next-intl";
import { LinkHandoff } from "../shared/link-handoff";
import type { HandoffTransaction, QrImage } from "../types";

export function PaymentLinkHandoff({
  transaction,
  qr,
}: {
  transaction: HandoffTransaction;
  qr: QrImage | null;
}) {
  const t = useTranslations("channels.payment-link.handoff");
  return (
    <LinkHandoff
      transaction={transaction}
      link={transaction.paymentLinkUrl ?? ""}
      qr={qr}
      labels={{
        title: t("title"),
        linkLabel: t("linkLabel"),
        copy: t("copy"),
        qrLabel: t("qrLabel"),
      }}
      fileName={`link-${transaction.id}.png`}
    />
  );
}
