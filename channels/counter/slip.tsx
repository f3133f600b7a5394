"use client";

import { useTranslations } from "next-intl";
import { SlipSteps, SlipValue } from "../shared/slip-parts";
import type { SlipPartProps } from "../shared/view-types";

const steps = ["s1", "s2", "s3", "s4"] as const;

/** The code to show at the Alfamart till, and the steps there. */
export function CounterSlip({ pay, amount }: SlipPartProps) {
  const t = useTranslations("channels.counter.handoff");
  const code = pay.paymentCode ?? "";
  return (
    <div className="space-y-3">
      <SlipValue label={t("codeLabel")} value={code} large />
      <SlipSteps title={t("stepsTitle")} steps={steps.map((s) => t(s, { code, amount }))} />
    </div>
  );
}
