"use client";

import { useTranslations } from "next-intl";
import { bankCodes } from "@/lib/core/payment-names";

export const stepMethodList = ["atm", "mobile", "internet"] as const;
const steps = ["s1", "s2", "s3", "s4", "s5", "s6"] as const;

/**
 * The bank's own menus when we know them (./bank-steps.ts), else the general steps:
 * looked up by the bank's code, worded with its name.
 */
export function useVaSteps(code: string | null, name: string) {
  const t = useTranslations("channels.virtual-account.handoff");
  const known = (bankCodes as readonly string[]).includes(code ?? "");
  const base = known ? `bankSteps.${code}` : "steps";
  return (method: (typeof stepMethodList)[number], number: string) => {
    const key = (part: string) => `${base}.${method}.${part}` as "steps.atm.title";
    return {
      title: t(key("title"), { bank: name }),
      steps: steps.filter((s) => t.has(key(s))).map((s) => t(key(s), { bank: name, number })),
    };
  };
}
