"use client";

import { useTranslations } from "next-intl";
import { useFormat } from "@/components/format/use-format";
import { subtractDecimals } from "@/lib/core/money";
import { feeCoverage } from "@/lib/payments/fees";
import type { TransactionListTotals } from "@/lib/core/transaction-totals";

type Figure = {
  label: string;
  value: string;
  /** A word ("unknown"), not an amount: wraps instead of being cut. */
  isWord: boolean;
  note: string | null;
  /** A second line: for net, what is left after the refunds given back. */
  extra?: string | null;
};

/** The figures of the totals line, fees and net over the part whose fee is known. */
function useFigures(totals: TransactionListTotals): Figure[] {
  const t = useTranslations("transactions.totals");
  const format = useFormat();
  const coverage = feeCoverage(totals);
  const unknownNote =
    coverage === "all" ? null : t("feeUnknown", { count: totals.unknownFeeCount });
  const amount = (label: string, value: string, note: string | null): Figure => ({
    label,
    value: format.money(value),
    isWord: false,
    note,
  });
  const knownPart = (label: string, value: string, note: string | null): Figure =>
    coverage === "none"
      ? { label, value: t("unknown"), isWord: true, note }
      : amount(label, value, note);
  return [
    { label: t("count"), value: format.number(totals.count), isWord: false, note: null },
    amount(t("paid"), totals.paidAmount, t("paidCount", { count: totals.paidCount })),
    knownPart(t("fees"), totals.fees, unknownNote),
    {
      ...knownPart(
        t("net"),
        totals.net,
        coverage === "some"
          ? t("netKnownPart", { count: totals.paidCount - totals.unknownFeeCount })
          : unknownNote,
      ),
      extra:
        totals.refundedCount > 0
          ? t("afterRefunds", {
              count: totals.refundedCount,
              refunded: format.money(totals.refunded),
              net: format.money(subtractDecimals(totals.net, totals.refunded)),
            })
          : null,
    },
    amount(t("open"), totals.openAmount, t("openCount", { count: totals.openCount })),
  ];
}

/**
 * Totals of every row the filter matches (not one page): count, paid, fees, net, open.
 * Fees and net are over the paid payments whose fee is known; how many fees are unknown
 * is said beside them (an unknown fee is not zero).
 */
export function TransactionsTotals({ totals }: { totals: TransactionListTotals }) {
  const t = useTranslations("transactions.totals");
  const figures = useFigures(totals);
  return (
    <section aria-label={t("label")} data-testid="transaction-totals">
      {/* Five in a row only where each has room for a whole amount (xl, beside the menu). */}
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-5">
        {figures.map(({ label, value, isWord, note, extra }, i) => (
          <div
            key={label}
            className={`min-w-0 rounded-xl bg-white px-4 py-3 shadow-xs ring-1 ring-slate-200 ${i === 0 ? "col-span-2 sm:col-span-1" : ""}`}
          >
            <dt className="text-xs font-medium text-slate-600">{label}</dt>
            <dd
              title={value}
              className={`mt-1 font-semibold text-slate-900 ${isWord ? "text-base" : "truncate text-lg tabular-nums"}`}
            >
              {value}
            </dd>
            {note ? <dd className="text-xs text-slate-600">{note}</dd> : null}
            {extra ? <dd className="text-xs font-medium text-rose-800">{extra}</dd> : null}
          </div>
        ))}
      </dl>
    </section>
  );
}
