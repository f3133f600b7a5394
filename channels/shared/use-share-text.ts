"use client";

import { useTranslations } from "next-intl";
import { useFormat } from "@/components/format/use-format";
import type { HandoffTransaction } from "./view-types";

/** The WhatsApp message: amount, what for, how to pay (the channel's words) and the deadline. */
export function useShareText(transaction: HandoffTransaction, instructions: string): string {
  const t = useTranslations("handoff");
  const tCommon = useTranslations("common");
  const format = useFormat();
  return t("shareText", {
    amount: format.money(transaction.amount),
    title: transaction.title ?? tCommon("untitled"),
    instructions,
    deadline: format.dateTime(transaction.expiresAt),
  });
}
