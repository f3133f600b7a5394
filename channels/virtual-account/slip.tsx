"use client";

import { useTranslations } from "next-intl";
import { paymentName } from "@/lib/i18n/payment-name";
import { SlipSteps, SlipValue } from "../shared/slip-parts";
import type { SlipPartProps } from "../shared/view-types";
import { stepMethodList, useVaSteps } from "./steps";

/** The bank, the VA number, and each way to pay at that bank. */
export function VirtualAccountSlip({ pay }: SlipPartProps) {
  const t = useTranslations("channels.virtual-account.handoff");
  const tAll = useTranslations();
  const bank = pay.bank ? paymentName(tAll, pay.bank) : "";
  const number = pay.vaNumber ?? "";
  const stepsFor = useVaSteps(pay.bank, bank);
  return (
    <div className="space-y-3">
      <SlipValue label={t("vaLabel", { bank })} value={number} large />
      <div className="grid gap-3 sm:grid-cols-2 print:grid-cols-1">
        {stepMethodList.map((method) => {
          const { title, steps } = stepsFor(method, number);
          return <SlipSteps key={method} title={title} steps={steps} />;
        })}
      </div>
    </div>
  );
}
