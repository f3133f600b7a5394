"use client";

import { useTranslations } from "next-intl";
import type { SlipPartProps } from "../shared/view-types";

/** No code to hand: the bill waits in the buyer's OVO app. */
export function OvoSlip({ pay }: SlipPartProps) {
  const t = useTranslations("channels.ewallet-ovo.slip");
  return (
    <p className="text-sm text-slate-900">{t("approve", { phone: pay.customerPhone ?? "—" })}</p>
  );
}
