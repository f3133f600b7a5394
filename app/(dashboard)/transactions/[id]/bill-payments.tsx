import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/transactions/status-badge";
import type { BillPayment } from "@/db/queries/transaction-detail";
import type { Formatter } from "@/lib/format";

/**
 * The other payments of the same bill (one bill paid at two banks, a VA then a QRIS, a
 * link's second payment), so finance sees at once what was paid twice and can open it.
 */
export async function BillPayments({
  payments,
  format,
}: {
  payments: BillPayment[];
  format: Formatter;
}) {
  if (payments.length === 0) return null;
  const t = await getTranslations();
  const paidTwice = payments.some((p) => p.flags.includes("paid_twice"));
  return (
    <section
      aria-labelledby="bill-heading"
      className="rounded-xl bg-white p-5 ring-1 ring-slate-200"
    >
      <h2 id="bill-heading" className="text-sm font-semibold text-slate-900">
        {t("transaction.bill.title", { count: payments.length })}
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        {t(paidTwice ? "transaction.bill.paidTwice" : "transaction.bill.hint")}
      </p>
      <ul className="mt-3 divide-y divide-slate-100">
        {payments.map((p) => (
          <li
            key={p.id}
            className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-2"
          >
            <Link
              href={`/transactions/${p.id}`}
              className="inline-flex min-h-11 min-w-0 items-center font-medium break-words text-brand-700 underline sm:min-h-0"
            >
              {p.title ?? t("common.untitled")} · {t(`channel.${p.channel}`)}
            </Link>
            <span className="flex items-center gap-3 text-sm">
              <span className="whitespace-nowrap tabular-nums">{format.money(p.amount)}</span>
              <StatusBadge state={p.state} rawStatus={null} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
