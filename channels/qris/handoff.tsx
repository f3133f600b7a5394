"use client";

import { useTranslations } from "next-intl";
import { useFormat } from "@/components/format/use-format";
import { Countdown } from "../shared/countdown";
import { QrBlock, ShareBar } from "../shared/handoff-parts";
import { SharePosterButton } from "../shared/share-poster";
import { useShareText } from "../shared/use-share-text";
import type { HandoffTransaction, QrImage } from "../shared/view-types";

/** The QR drawn here from `qr_string`, big enough to scan across a counter, with its deadline. */
export function QrisHandoff({
  transaction,
  qr,
}: {
  transaction: HandoffTransaction;
  qr: QrImage | null;
}) {
  const t = useTranslations("channels.qris.handoff");
  const format = useFormat();
  const share = useShareText(transaction, t("shareInstructions"));
  return (
    <div className="space-y-4">
      <h2 className="font-semibold text-slate-900">{t("title")}</h2>
      {qr ? <QrBlock qr={qr} label={t("qrLabel")} fileName={`qris-${transaction.id}.png`} /> : null}
      <p className="text-center text-sm font-medium text-slate-900">{t("scanWith")}</p>
      <div className="text-center">
        <p className="text-sm text-slate-600">{t("amount")}</p>
        <p className="text-2xl font-semibold tabular-nums">{format.money(transaction.amount)}</p>
      </div>
      {transaction.expiresAt ? (
        <Countdown
          expiresAt={transaction.expiresAt}
          deadline={(time) => t("deadline", { time })}
          left={(parts) => t("countdown", parts)}
          ended={t("ended")}
        />
      ) : null}
      <ShareBar text={share} transactionId={transaction.id}>
        <SharePosterButton
          href={`/api/transactions/${transaction.id}/poster`}
          fileName={`qris-${transaction.id}.png`}
          text={share}
        />
      </ShareBar>
    </div>
  );
}
