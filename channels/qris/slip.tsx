"use client";

import { useTranslations } from "next-intl";
import { SlipQr } from "../shared/slip-parts";
import type { SlipPartProps } from "../shared/view-types";

/** The QR, and which apps read it. */
export function QrisSlip({ qr }: SlipPartProps) {
  const t = useTranslations("channels.qris.handoff");
  return (
    <div className="space-y-2 text-center">
      {qr ? <SlipQr qr={qr} label={t("qrLabel")} /> : null}
      <p className="text-sm font-medium text-slate-900">{t("scanWith")}</p>
    </div>
  );
}
