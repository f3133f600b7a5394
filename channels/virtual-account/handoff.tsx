"use client";

import { useTranslations } from "next-intl";
import { useFormat } from "@/components/format/use-format";
import { paymentName } from "@/lib/i18n/payment-name";
import { Countdown } from "../shared/countdown";
import { CopyValue, ShareBar } from "../shared/handoff-parts";
import { useShareText } from "../shared/use-share-text";
import { stepMethodList as methods, useVaSteps } from "./steps";
import type { HandoffTransaction } from "../shared/view-types";

/** The bank, the VA number to transfer to, the exact amount, the deadline and the steps. */
export function VirtualAccountHandoff({ transaction }: { transaction: HandoffTransaction }) {
  const t = useTranslations("channels.virtual-account.handoff");
  const tAll = useTranslations();
  const format = useFormat();
  const bank = transaction.bank ? paymentName(tAll, transaction.bank) : "";
  const number = transaction.vaNumber ?? "";
  const share = useShareText(transaction, t("share", { bank, number }));
  const stepsFor = useVaSteps(transaction.bank, bank);
  return (
    <div className="space-y-4">
      <h2 className="font-semibold text-slate-900">{t("title")}</h2>
      <p className="text-base font-semibold text-slate-900">{bank}</p>
      <CopyValue label={t("vaLabel", { bank })} value={number} copyLabel={t("copy")} large />
      <div>
        <p className="text-sm text-slate-600">{t("amount")}</p>
        <p className="text-xl font-semibold tabular-nums">{format.money(transaction.amount)}</p>
      </div>
      {transaction.expiresAt ? (
        <Countdown
          expiresAt={transaction.expiresAt}
          deadline={(time) => t("deadline", { time })}
          left={(parts) => t("countdown", parts)}
          ended={t("ended")}
        />
      ) : null}
      <div className="space-y-2">
        <h3 className="text-sm font-semibold text-slate-900">{t("stepsTitle")}</h3>
        {methods.map((method, index) => {
          const { title, steps: list } = stepsFor(method, number);
          return (
            <details
              key={method}
              open={index === 0}
              className="rounded-md px-3 py-2 ring-1 ring-slate-200"
            >
              <summary className="min-h-8 cursor-pointer text-sm font-medium">{title}</summary>
              <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm text-slate-700">
                {list.map((step) => (
                  <li key={step}>{step}</li>
                ))}
              </ol>
            </details>
          );
        })}
      </div>
      <ShareBar text={share} transactionId={transaction.id} />
    </div>
  );
}
