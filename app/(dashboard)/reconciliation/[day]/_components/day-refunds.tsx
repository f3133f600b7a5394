import { getTranslations } from "next-intl/server";
import type { Formatter } from "@/lib/format";
import type { DayRefundsView } from "@/lib/payments/refund-view";

/** The day's approved refunds per channel, and what still waits for approval. */
export async function DayRefunds({
  refunds,
  format,
}: {
  refunds: DayRefundsView;
  format: Formatter;
}) {
  const t = await getTranslations("reconciliation");
  const tChannel = await getTranslations("channel");
  return (
    <section
      aria-labelledby="refunds-title"
      className="space-y-2 rounded-xl bg-white p-4 shadow-xs ring-1 ring-slate-200"
    >
      <h2 id="refunds-title" className="font-semibold">
        {t("refundsTitle")}
      </h2>
      {refunds.channels.length ? (
        <>
          <ul className="space-y-1 text-sm">
            {refunds.channels.map((c) => (
              <li key={c.channel}>
                {t("refundsItem", {
                  channel: tChannel(c.channel),
                  count: c.count,
                  amount: format.money(c.amount),
                })}
              </li>
            ))}
          </ul>
          <p className="text-sm font-medium">
            {t("refundsTotal", { amount: format.money(refunds.total.amount) })}
          </p>
        </>
      ) : (
        <p className="text-sm text-slate-700">{t("refundsNone")}</p>
      )}
      {refunds.waiting > 0 ? (
        <p className="text-sm text-amber-900">
          {t("dayRefundsWaiting", { count: refunds.waiting })}
        </p>
      ) : null}
    </section>
  );
}
