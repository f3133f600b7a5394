"use client";

import { useTranslations } from "next-intl";
import { useFormat } from "@/components/format/use-format";
import { feeCoverage } from "@/lib/payments/fees";
import type { TransactionListTotals } from "@/lib/payments/transaction-list-types";

/**
 * Totals of every row the filter matches (not one page): count, paid, fees, net, open.
 * Fees and net are over the paid payments whose fee is known; how many fees are unknown
 * is said beside them (an unknown fee is not zero).
 */
export function TransactionsTotals({ totals }: { totals: TransactionListTotals }) {
  const t = useTranslations("transactions.totals");
  const format = useFormat();
  const coverage = feeCoverage(totals);
  const unknownNote =
    coverage === "all" ? null : t("feeUnknown", { count: totals.unknownFeeCount });
  const knownAmount = (amount: string) =>
    coverage === "none" ? t("unknown") : format.money(amount);
  const items: [string, string, string | null][] = [
    [t("count"), format.number(totals.count), null],
    [t("paid"), format.money(totals.paidAmount), t("paidCount", { count: totals.paidCount })],
    [t("fees"), knownAmount(totals.fees), unknownNote],
    [
      t("net"),
      knownAmount(totals.net),
      coverage === "some"
        ? t("netKnownPart", { count: totals.paidCount - totals.unknownFeeCount })
        : unknownNote,
    ],
    [t("open"), format.money(totals.openAmount), t("openCount", { count: totals.openCount })],
  ];
  return (
    <section aria-label={t("label")} data-testid="transaction-totals">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {items.map(([label, value, note], i) => (
          <div
            key={label}
            className={`min-w-0 rounded-xl bg-white px-4 py-3 shadow-xs ring-1 ring-slate-200 ${i === 0 ? "col-span-2 sm:col-span-1" : ""}`}
          >
            <dt className="text-xs font-medium text-slate-600">{label}</dt>
            <dd className="mt-1 truncate text-lg font-semibold text-slate-900 tabular-nums">
              {value}
            </dd>
            {note ? <dd className="text-xs text-slate-600">{note}</dd> : null}
          </div>
        ))}
      </dl>
    </section>
  );
}
