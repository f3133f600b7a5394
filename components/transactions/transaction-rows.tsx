import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Highlight } from "@/components/live/use-live-changes";
import type { Formatter } from "@/lib/format";
import { isFeeUnknown } from "@/lib/payments/fees";
import type { TransactionListItem } from "@/lib/payments/transaction-list-types";
import { StatusBadge } from "./status-badge";

const columns = ["title", "channel", "amount", "status", "created", "paid"] as const;

const noHighlights: ReadonlyMap<string, Highlight> = new Map();

/**
 * The list's rows: a table from `md` up, cards on a phone. Shared by the server and the
 * browser: the page renders the first rows on the server (none of this is in the
 * JavaScript the list's first paint waits for), and the live list loads it to render
 * the rows its polls and filters bring.
 */
export function TransactionRows({
  items,
  highlights = noHighlights,
  format,
}: {
  items: readonly TransactionListItem[];
  highlights?: ReadonlyMap<string, Highlight>;
  format: Formatter;
}) {
  const t = useTranslations("transactions");
  const tCommon = useTranslations("common");
  const title = (item: TransactionListItem) => item.title ?? tCommon("untitled");
  return (
    <>
      <table className="hidden w-full text-left text-sm md:table">
        <thead className="bg-slate-50 text-xs font-medium tracking-wide text-slate-600 uppercase">
          <tr>
            {columns.map((c) => (
              <th
                key={c}
                scope="col"
                className={`px-4 py-2.5 ${c === "amount" ? "text-right" : ""}`}
              >
                {t(`columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((item) => (
            <tr key={item.id} className={rowTone(highlights.get(item.id))}>
              <td className="px-4 py-3">
                <TitleCell item={item} title={title(item)} mark={highlights.get(item.id)} />
              </td>
              <td className="px-4 py-3 text-slate-700">
                <ChannelCell item={item} />
              </td>
              <td className="px-4 py-3 text-right tabular-nums">
                <p className="font-medium">{format.money(item.amount)}</p>
                <FeeLine item={item} format={format} />
              </td>
              <td className="px-4 py-3">
                <StatusBadge state={item.state} rawStatus={item.rawStatus} />
                <FlagList flags={item.flags} />
              </td>
              <td className="px-4 py-3 whitespace-nowrap text-slate-700">
                {format.dateTime(item.createdAt)}
              </td>
              <td className="px-4 py-3 whitespace-nowrap text-slate-700">
                <p>{format.dateTime(item.paidAt)}</p>
                {item.settledAt ? (
                  <p className="text-xs text-slate-600">
                    {t("settledLine", { time: format.dateTime(item.settledAt) })}
                  </p>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="divide-y divide-slate-100 md:hidden">
        {items.map((item) => (
          <li key={item.id} className={`px-4 py-3 ${rowTone(highlights.get(item.id))}`}>
            <div className="flex items-start justify-between gap-3">
              <div className="min-w-0">
                <TitleCell item={item} title={title(item)} mark={highlights.get(item.id)} />
              </div>
              <div className="shrink-0 text-right">
                <p className="font-semibold tabular-nums">{format.money(item.amount)}</p>
                <FeeLine item={item} format={format} />
              </div>
            </div>
            <div className="mt-2 flex flex-wrap items-center justify-between gap-2 text-xs text-slate-700">
              <span className="flex flex-wrap items-center gap-1.5">
                <StatusBadge state={item.state} rawStatus={item.rawStatus} />
                <FlagList flags={item.flags} />
              </span>
              <span>{format.dateTime(item.paidAt ?? item.createdAt)}</span>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

function rowTone(mark: Highlight | undefined): string {
  return mark ? "bg-amber-50 transition-colors duration-1000" : "transition-colors duration-1000";
}

/** The fee under an amount: reported, unknown (a paid payment without one), or nothing. */
function FeeLine({ item, format }: { item: TransactionListItem; format: Formatter }) {
  const t = useTranslations("transactions");
  if (item.fee) {
    return (
      <p className="text-xs text-slate-600 tabular-nums">
        {t("feeLine", { fee: format.money(item.fee) })}
      </p>
    );
  }
  return isFeeUnknown(item) ? (
    <p className="text-xs text-amber-800">{t("feeUnknownLine")}</p>
  ) : null;
}

function FlagList({ flags }: { flags: string[] }) {
  const t = useTranslations("flags");
  if (flags.length === 0) return null;
  return (
    <span className="mt-1 flex flex-wrap gap-1">
      {flags.map((flag) => (
        <span
          key={flag}
          className="rounded bg-amber-100 px-1.5 py-0.5 text-[0.7rem] font-medium text-amber-950"
        >
          {t.has(flag as "needs_review") ? t(flag as "needs_review") : flag}
        </span>
      ))}
    </span>
  );
}

function ChannelCell({ item }: { item: TransactionListItem }) {
  const t = useTranslations();
  const used = item.paymentChannel ?? item.bank;
  return (
    <>
      <p>{t(`channel.${item.channel}`)}</p>
      {used ? (
        <p className="text-xs text-slate-600">
          {item.paymentChannel ? t("transactions.paidWith", { channel: used }) : used}
        </p>
      ) : null}
    </>
  );
}

function TitleCell({
  item,
  title,
  mark,
}: {
  item: TransactionListItem;
  title: string;
  mark: Highlight | undefined;
}) {
  const t = useTranslations();
  return (
    <>
      <Link
        href={`/transactions/${item.id}`}
        className="font-medium break-words text-slate-900 hover:text-brand-700 focus-visible:outline-2 focus-visible:outline-brand-500"
      >
        {title}
      </Link>
      {mark ? (
        <span className="ml-2 rounded bg-amber-200 px-1.5 py-0.5 text-[0.7rem] font-semibold text-amber-950">
          {t(mark === "new" ? "live.newBadge" : "live.changedBadge")}
        </span>
      ) : null}
      <p className="truncate font-mono text-xs text-slate-600">
        {item.externalId ?? t("transactions.outside")}
        <span className="md:hidden"> · {t(`channel.${item.channel}`)}</span>
      </p>
      {item.customerName ? (
        <p className="truncate text-xs text-slate-600">{item.customerName}</p>
      ) : null}
    </>
  );
}
