import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { StatusBadge } from "@/components/transactions/status-badge";
import { ConfirmActionForm } from "@/components/ui/confirm-action-form";
import type { BillPayment } from "@/db/queries/transaction-detail";
import type { Formatter } from "@/lib/format";
import { dismissMaybePaidTwiceAction } from "./actions";

/** A titled list of payments related to this one, each linked to its page. */
async function RelatedPayments({
  id,
  title,
  hint,
  payments,
  format,
  children,
}: {
  id: string;
  title: string;
  hint: string;
  payments: BillPayment[];
  format: Formatter;
  children?: ReactNode;
}) {
  const t = await getTranslations();
  return (
    <section aria-labelledby={id} className="rounded-xl bg-white p-5 ring-1 ring-slate-200">
      <h2 id={id} className="text-sm font-semibold text-slate-900">
        {title}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{hint}</p>
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
            <span className="flex flex-wrap items-center gap-3 text-sm">
              {p.paidAt ? (
                <span className="text-slate-600">
                  {t("transaction.bill.paidAt", { time: format.dateTime(p.paidAt) })}
                </span>
              ) : null}
              <span className="whitespace-nowrap tabular-nums">{format.money(p.amount)}</span>
              <StatusBadge state={p.state} rawStatus={null} />
            </span>
          </li>
        ))}
      </ul>
      {children}
    </section>
  );
}

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
  const t = await getTranslations("transaction.bill");
  const paidTwice = payments.some((p) => p.flags.includes("paid_twice"));
  return (
    <RelatedPayments
      id="bill-heading"
      title={t("title", { count: payments.length })}
      hint={t(paidTwice ? "paidTwice" : "hint")}
      payments={payments}
      format={format}
    />
  );
}

/**
 * Other bills' payments with the same buyer phone and amount paid within 30 minutes:
 * perhaps one purchase paid twice. A finance user or admin may say it is not.
 */
export async function MaybeTwicePayments({
  transactionId,
  payments,
  format,
  mayDismiss,
}: {
  transactionId: string;
  payments: BillPayment[];
  format: Formatter;
  mayDismiss: boolean;
}) {
  const t = await getTranslations("transaction.maybeTwice");
  return (
    <RelatedPayments
      id="maybe-twice-heading"
      title={t("title")}
      hint={payments.length ? t("hint") : t("noPartners")}
      payments={payments}
      format={format}
    >
      {mayDismiss ? (
        <div className="mt-3">
          <ConfirmActionForm
            action={dismissMaybePaidTwiceAction.bind(null, transactionId)}
            label={t("dismiss")}
            pendingLabel={t("dismissing")}
            words={{ title: t("confirmTitle"), stops: t("confirmStops"), confirm: t("confirm") }}
          />
        </div>
      ) : null}
    </RelatedPayments>
  );
}
