import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/server";
import { paymentName } from "@/lib/i18n/payment-name";
import type { LinkedSum } from "@/lib/payments/overview";

const linkClass =
  "rounded-sm hover:text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-brand-500";

/**
 * Paid volume per bank or payment channel over the last 30 days. A payment whose bank
 * and payment channel differ counts under both, as the list's `bank=` finds it under both.
 */
export async function BankTable({ banks }: { banks: (LinkedSum & { bank: string })[] }) {
  const t = await getTranslations("overview");
  const tAll = await getTranslations();
  const format = await getFormatter();
  return (
    <section
      aria-labelledby="overview-banks"
      className="overflow-hidden rounded-xl bg-white shadow-xs ring-1 ring-slate-200"
    >
      <h2 id="overview-banks" className="border-b border-slate-200 px-4 py-3 font-semibold">
        {t("banksTitle")}
      </h2>
      {banks.length === 0 ? (
        <p className="px-4 py-6 text-sm text-slate-600">{t("noBanks")}</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="text-xs font-medium text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-2">
                {t("columns.bank")}
              </th>
              <th scope="col" className="px-4 py-2 text-right">
                {t("columns.paidCount")}
              </th>
              <th scope="col" className="px-4 py-2 text-right">
                {t("columns.volume")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {banks.map((b) => (
              <tr key={b.bank}>
                <th scope="row" className="px-4 py-2 font-medium break-all">
                  {paymentName(tAll, b.bank)}
                </th>
                <td className="px-4 py-2 text-right tabular-nums">
                  <Link href={b.href} className={linkClass}>
                    {format.number(b.count)}
                  </Link>
                </td>
                <td className="px-4 py-2 text-right tabular-nums">
                  <Link href={b.href} className={linkClass}>
                    {format.money(b.amount)}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
