"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button-class";
import type { HandoffTransaction, QrImage } from "../types";
import { CopyValue, QrBlock, ShareBar } from "./handoff-parts";
import { useShareText } from "./use-share-text";

/** A link the buyer opens to pay (copy, open, a QR of it, share), for any channel that has one. */
export function LinkHandoff({
  transaction,
  link,
  qr,
  labels,
  fileName,
  qrNote,
}: {
  transaction: HandoffTransaction;
  link: string;
  qr: QrImage | null;
  labels: { title: string; linkLabel: string; copy: string; qrLabel: string };
  fileName: string;
  qrNote?: ReactNode;
}) {
  const tCommon = useTranslations("common");
  const tHandoff = useTranslations("handoff");
  const share = useShareText(transaction, tHandoff("payAt", { link }));
  return (
    <div className="space-y-4">
      <h2 className="font-semibold text-slate-900">{labels.title}</h2>
      <CopyValue label={labels.linkLabel} value={link} copyLabel={labels.copy}>
        <a href={link} target="_blank" rel="noreferrer" className={buttonClass("secondary")}>
          {tCommon("open")}
        </a>
      </CopyValue>
      {qr ? <QrBlock qr={qr} label={labels.qrLabel} fileName={fileName} /> : null}
      {qr ? qrNote : null}
      <ShareBar text={share} />
    </div>
  );
}
