import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { Formatter } from "@/lib/format";
import { feeCoverage } from "@/lib/payments/fees";
import type { SettlementRow } from "@/lib/payments/reconciliation-view";
import { quietLinkClass } from "@/components/ui/link-class";

type Row = SettlementRow & { key: string; label: ReactNode; extra?: ReactNode };

/**
 * Paid, settled, fees, net and not-settled per row (a day, or a day's channel), each
 * number a link to the list of exactly its rows. A table from `md` up, cards below.
 */
export function SettlementTable({
  rows,
  format,
  firstColumn,
  extraColumn,
  total,
}: {
  rows: Row[];
  format: Formatter;
  firstColumn: string;
  extraColumn?: string;
  total?: Row;
}) {
  const t = useTranslations("reconciliation");
  // A figure with rows behind it links to them; an empty one is plain text (nothing to open).
  const money = (href: string, amount: string, count: number) =>
    count === 0 ? (
      <span className="text-slate-600">{format.money(amount)}</span>
    ) : (
      <Link href={href} className={quietLinkClass}>
        {format.money(amount)}
      </Link>
    );
  const counted = (href: string, count: number) =>
    count === 0 ? (
      <span className="text-xs text-slate-600">{t("count", { count })}</span>
    ) : (
      <Link href={href} className={`${quietLinkClass} text-xs text-slate-600`}>
        {t("count", { count })}
      </Link>
    );
  const unsettled = (r: Row) =>
    r.unsettled.count === 0 ? (
      <span className="text-slate-600">{format.number(0)}</span>
    ) : (
      <>
        <Link
          href={r.unsettled.href}
          className={`${quietLinkClass} ${r.unsettled.overdue ? "font-semibold text-rose-800" : ""}`}
        >
          {t("count", { count: r.unsettled.count })}
        </Link>
        {r.unsettled.overdue ? (
          <span className="ml-1 rounded bg-rose-50 px-1 text-xs text-rose-800 ring-1 ring-rose-200">
            {t("overdue")}
          </span>
        ) : null}
      </>
    );
  // Fees and net are over the settled payments whose fee is known; an unknown fee is
  // said as such, never added as zero.
  const knownPart = (r: Row, amount: string) => {
    const coverage = feeCoverage({
      paidCount: r.settled.count,
      unknownFeeCount: r.settled.unknownFeeCount,
    });
    return (
      <>
        {coverage === "none" ? (
          <span className="text-slate-600">{t("unknown")}</span>
        ) : (
          money(r.settled.href, amount, r.settled.count)
        )}
        {coverage === "all" ? null : (
          <span className="block text-xs text-amber-800">
            {t("feeUnknown", { count: r.settled.unknownFeeCount })}
          </span>
        )}
      </>
    );
  };
  const cells = (r: Row) => [
    <>
      {money(r.paid.href, r.paid.amount, r.paid.count)}
      <br />
      {counted(r.paid.href, r.paid.count)}
    </>,
    <>
      {money(r.settled.href, r.settled.amount, r.settled.count)}
      <br />
      {counted(r.settled.href, r.settled.count)}
    </>,
    knownPart(r, r.settled.fee),
    knownPart(r, r.settled.net),
  ];
  const heads = [t("columns.paid"), t("columns.settled"), t("columns.fees"), t("columns.net")];
  const all = total ? [...rows, total] : rows;
  return (
    <>
      <table className="hidden w-full text-left text-sm md:table">
        <thead className="bg-slate-50 text-xs font-medium text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2.5">
              {firstColumn}
            </th>
            {heads.map((h) => (
              <th key={h} scope="col" className="px-4 py-2.5 text-right">
                {h}
              </th>
            ))}
            <th scope="col" className="px-4 py-2.5">
              {t("columns.unsettled")}
            </th>
            {extraColumn ? (
              <th scope="col" className="px-4 py-2.5">
                {extraColumn}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {all.map((r) => (
            <tr key={r.key} className={r === total ? "bg-slate-50 font-medium" : ""}>
              <th scope="row" className="px-4 py-2.5 font-medium whitespace-nowrap">
                {r.label}
              </th>
              {cells(r).map((cell, i) => (
                <td key={i} className="px-4 py-2.5 text-right whitespace-nowrap tabular-nums">
                  {cell}
                </td>
              ))}
              <td className="px-4 py-2.5 whitespace-nowrap">{unsettled(r)}</td>
              {extraColumn ? <td className="px-4 py-2.5">{r.extra}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="divide-y divide-slate-100 md:hidden">
        {all.map((r) => (
          <li
            key={r.key}
            className={`space-y-2 px-4 py-3 text-sm ${r === total ? "bg-slate-50" : ""}`}
          >
            <div className="flex items-center justify-between gap-3">
              <span className="font-medium">{r.label}</span>
              {r.extra}
            </div>
            {r.paid.count + r.settled.count + r.unsettled.count === 0 ? (
              <p className="text-xs text-slate-600">{t("nothing")}</p>
            ) : (
              <dl className="grid grid-cols-2 gap-x-3 gap-y-1">
                {heads.map((h, i) => (
                  <div key={h} className="contents">
                    <dt className="text-slate-600">{h}</dt>
                    <dd className="text-right tabular-nums">{cells(r)[i]}</dd>
                  </div>
                ))}
                <dt className="text-slate-600">{t("columns.unsettled")}</dt>
                <dd className="text-right">{unsettled(r)}</dd>
              </dl>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
