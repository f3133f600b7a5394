"use client";

import { useTranslations } from "next-intl";
import { useFormat } from "@/components/format/use-format";
import { composeShareText } from "./share-text";
import { useShopName } from "./shop-name";
import type { HandoffTransaction } from "./view-types";

/** The WhatsApp message for this payment, from the shop when its name is set. */
export function useShareText(transaction: HandoffTransaction, instructions: string): string {
  const t = useTranslations("handoff");
  const tCommon = useTranslations("common");
  const format = useFormat();
  return composeShareText(t, {
    shop: useShopName(),
    amount: format.money(transaction.amount),
    title: transaction.title ?? tCommon("untitled"),
    instructions,
    deadline: format.dateTime(transaction.expiresAt),
  });
}
