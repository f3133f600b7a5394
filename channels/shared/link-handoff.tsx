"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button-class";
import type { ChannelMessages } from "../messages";
import type { HandoffTransaction, QrImage } from "./view-types";
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
      <ShareBar text={share} transactionId={transaction.id} />
    </div>
  );
}

/** The channels whose hand-off words are a link's (title, link, copy, QR label). */
export type LinkChannel = {
  [C in keyof ChannelMessages]: ChannelMessages[C] extends {
    handoff: { title: string; linkLabel: string; copy: string; qrLabel: string };
  }
    ? C
    : never;
}[keyof ChannelMessages];

/**
 * A channel's hand-off when it is a link: the channel's own words
 * (`channels.<channel>.handoff`), the row's link, and the QR picture's file name.
 */
export function linkHandoff(spec: {
  channel: LinkChannel;
  link: (transaction: HandoffTransaction) => string | null;
  filePrefix: string;
  /** Say under the QR that a phone camera opens the link (`handoff.qrHint`). */
  qrHint?: boolean;
}) {
  function ChannelLinkHandoff({
    transaction,
    qr,
  }: {
    transaction: HandoffTransaction;
    qr: QrImage | null;
  }) {
    // Every LinkChannel's handoff has these keys; the namespace is one of them.
    const t = useTranslations(
      `channels.${spec.channel}.handoff` as "channels.payment-link.handoff",
    );
    const tHint = useTranslations("handoff");
    return (
      <LinkHandoff
        transaction={transaction}
        link={spec.link(transaction) ?? ""}
        qr={qr}
        labels={{
          title: t("title"),
          linkLabel: t("linkLabel"),
          copy: t("copy"),
          qrLabel: t("qrLabel"),
        }}
        fileName={`${spec.filePrefix}-${transaction.id}.png`}
        qrNote={
          spec.qrHint ? (
            <p className="text-center text-sm text-slate-600">{tHint("qrOpensLink")}</p>
          ) : undefined
        }
      />
    );
  }
  return ChannelLinkHandoff;
}
