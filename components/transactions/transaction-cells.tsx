import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Highlight } from "@/components/live/use-live-changes";
import type { Formatter } from "@/lib/format";
import { paymentName } from "@/lib/i18n/payment-name";
import { isFeeUnknown } from "@/lib/payments/fees";
import type { TransactionListItem } from "@/lib/payments/transaction-list-types";

/*
 * The pieces of one transaction that the list's table and its phone cards both show.
 * Free text (a title, a buyer's name, a reference) wraps or is cut short inside its
 * own cell, never widening the table; the whole text stays in the `title` attribute
 * (and on the payment's page).
 */

/** The title (a link to the payment), a live mark, our reference and the buyer. */
export function TitleCell({
  item,
  title,
  mark,
}: {
  item: TransactionListItem;
  title: string;
  mark: Highlight | undefined;
}) {
  const t = useTranslations();
  const reference = item.externalId ?? t("transactions.outside");
  return (
    <>
      <div className="flex items-start gap-2">
        <Link
          href={`/transactions/${item.id}`}
          title={title}
          className="line-clamp-2 min-w-0 font-medium break-words text-slate-900 hover:text-brand-700 focus-visible:outline-2 focus-visible:outline-brand-500"
        >
          {title}
        </Link>
        {mark ? (
          <span className="shrink-0 rounded bg-amber-200 px-1.5 py-0.5 text-[0.7rem] font-semibold text-amber-950">
            {t(mark === "new" ? "live.newBadge" : "live.changedBadge")}
          </span>
        ) : null}
      </div>
      <p title={reference} className="truncate font-mono text-xs text-slate-600">
        {reference}
        <span className="md:hidden"> · {t(`channel.${item.channel}`)}</span>
      </p>
      {item.customerName ? (
        <p title={item.customerName} className="truncate text-xs text-slate-600">
          {item.customerName}
        </p>
      ) : null}
    </>
  );
}

/** The channel, and what the buyer paid with (or the VA's bank). */
export function ChannelCell({ item }: { item: TransactionListItem }) {
  const t = useTranslations();
  const code = item.paymentChannel ?? item.bank;
  const used = code ? paymentName(t, code) : null;
  return (
    <>
      <p className="whitespace-nowrap">{t(`channel.${item.channel}`)}</p>
      {used ? (
        <p className="max-w-40 truncate text-xs text-slate-600" title={used}>
          {item.paymentChannel ? t("transactions.paidWith", { channel: used }) : used}
        </p>
      ) : null}
    </>
  );
}

/** The fee under an amount: reported, unknown (a paid payment without one), or nothing. */
export function FeeLine({ item, format }: { item: TransactionListItem; format: Formatter }) {
  const t = useTranslations("transactions");
  if (item.fee) {
    return (
      <p className="text-xs whitespace-nowrap text-slate-600 tabular-nums">
        {t("feeLine", { fee: format.money(item.fee) })}
      </p>
    );
  }
  return isFeeUnknown(item) ? (
    <p className="text-xs whitespace-nowrap text-amber-800">{t("feeUnknownLine")}</p>
  ) : null;
}

/** What finance should look at, as small labels. */
export function FlagList({ flags }: { flags: string[] }) {
  const t = useTranslations("flags");
  if (flags.length === 0) return null;
  return (
    <span className="mt-1 flex flex-wrap gap-1">
      {flags.map((flag) => (
        <span
          key={flag}
          className="rounded bg-amber-100 px-1.5 py-0.5 text-[0.7rem] font-medium whitespace-nowrap text-amber-950"
        >
          {t.has(flag as "needs_review") ? t(flag as "needs_review") : flag}
        </span>
      ))}
    </span>
  );
}
