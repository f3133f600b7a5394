"use client";

import { useTranslations } from "next-intl";
import { SlipQr, SlipValue } from "./slip-parts";
import type { LinkChannel } from "./link-handoff";
import type { SlipPartProps } from "./view-types";

/** A channel's slip part when it is a link: the address, and a QR of it for a phone. */
export function linkSlip(channel: LinkChannel) {
  function ChannelLinkSlip({ pay, qr }: SlipPartProps) {
    // Every LinkChannel's handoff has these keys; the namespace is one of them.
    const t = useTranslations(`channels.${channel}.handoff` as "channels.payment-link.handoff");
    const tHandoff = useTranslations("handoff");
    return (
      <div className="space-y-3">
        <SlipValue label={t("linkLabel")} value={pay.link ?? ""} />
        {qr ? <SlipQr qr={qr} label={t("qrLabel")} /> : null}
        <p className="text-center text-sm text-slate-900">{tHandoff("slipLink")}</p>
      </div>
    );
  }
  return ChannelLinkSlip;
}
