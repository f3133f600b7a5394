"use client";

import { useTranslations } from "next-intl";
import { useFormat } from "@/components/format/use-format";
import { Countdown } from "../shared/countdown";
import { CopyValue, ShareBar } from "../shared/handoff-parts";
import { useShareText } from "../shared/use-share-text";
import type { HandoffTransaction } from "../shared/view-types";

const steps = ["s1", "s2", "s3", "s4"] as const;

/** The code to show at the Alfamart till, the amount, the deadline and the steps. */
export function CounterHandoff({ transaction }: { transaction: HandoffTransaction }) {
  const t = useTranslations("channels.counter.handoff");
  const format = useFormat();
  const code = transaction.paymentCode ?? "";
  const amount = format.money(transaction.amount);
  const share = useShareText(transaction, t("share", { code }));
  return (
    <div className="space-y-4">
      <h2 className="font-semibold text-slate-900">{t("title")}</h2>
      <CopyValue label={t("codeLabel")} value={code} copyLabel={t("copy")} large />
      <p className="text-sm font-medium text-slate-900">{t("tellCashier")}</p>
      <div>
        <p className="text-sm text-slate-600">{t("amount")}</p>
        <p className="text-xl font-semibold tabular-nums">{amount}</p>
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
        <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-700">
          {steps.map((step) => (
            <li key={step}>{t(step, { code, amount })}</li>
          ))}
        </ol>
      </div>
      <ShareBar text={share} transactionId={transaction.id} />
    </div>
  );
}
