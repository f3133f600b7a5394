import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { quietLinkClass } from "@/components/ui/link-class";
import { getFormatter } from "@/lib/i18n/server";
import { paymentName } from "@/lib/i18n/payment-name";
import type { LinkedSum } from "@/lib/payments/overview";
import { BreakdownTable } from "./breakdown-table";

/**
 * Paid volume per bank or payment channel over the last 30 days. A payment whose bank
 * and payment channel differ counts under both, as the list's `bank=` finds it under both.
 */
export async function BankTable({ banks }: { banks: (LinkedSum & { bank: string })[] }) {
  const t = await getTranslations("overview");
  const tAll = await getTranslations();
  const format = await getFormatter();
  return (
    <BreakdownTable
      id="overview-banks"
      title={t("banksTitle")}
      empty={t("noBanks")}
      headClassName="font-medium break-all"
      columns={[
        { label: t("columns.bank") },
        { label: t("columns.paidCount"), numeric: true, cellClassName: "tabular-nums" },
        { label: t("columns.volume"), numeric: true, cellClassName: "tabular-nums" },
      ]}
      rows={banks.map((b) => ({
        key: b.bank,
        head: paymentName(tAll, b.bank),
        cells: [
          <Link key="count" href={b.href} className={quietLinkClass}>
            {format.number(b.count)}
          </Link>,
          <Link key="amount" href={b.href} className={quietLinkClass}>
            {format.money(b.amount)}
          </Link>,
        ],
      }))}
    />
  );
}
