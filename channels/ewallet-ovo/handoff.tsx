"use client";

import { useTranslations } from "next-intl";
import { useFormat } from "@/components/format/use-format";
import { Countdown } from "../shared/countdown";
import type { HandoffTransaction } from "../shared/view-types";

/** No QR, no link: the bill is already in the buyer's OVO app, waiting for approval. */
export function OvoHandoff({ transaction }: { transaction: HandoffTransaction }) {
  const t = useTranslations("channels.ewallet-ovo.handoff");
  const format = useFormat();
  const phone = transaction.customerPhone ?? "—";
  return (
    <div className="space-y-4">
      <h2 className="font-semibold text-slate-900">{t("title")}</h2>
      <p className="text-base font-medium text-slate-900">
        {t.rich("sentTo", {
          phone,
          number: (chunks) => (
            <span aria-label={t("phoneLabel")} className="font-mono whitespace-nowrap">
              {chunks}
            </span>
          ),
        })}
      </p>
      <div>
        <p className="text-sm text-slate-600">{t("amount")}</p>
        <p className="text-2xl font-semibold tabular-nums">{format.money(transaction.amount)}</p>
      </div>
      {transaction.expiresAt ? (
        <Countdown
          expiresAt={transaction.expiresAt}
          deadline={(time) => t("deadline", { time })}
          left={(parts) => t("countdown", parts)}
          ended={t("ended")}
        />
      ) : null}
      <p role="note" className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700">
        {t("liveNote")}
      </p>
    </div>
  );
}
