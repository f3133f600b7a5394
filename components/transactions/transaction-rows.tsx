import { useTranslations } from "next-intl";
import type { Highlight } from "@/components/live/use-live-changes";
import type { Formatter } from "@/lib/format";
import type { TransactionListItem } from "@/lib/payments/transaction-list-types";
import { StatusBadge } from "./status-badge";
import { ChannelCell, FeeLine, FlagList, TitleCell } from "./transaction-cells";

const columns = ["title", "channel", "amount", "status", "created", "paid"] as const;

const noHighlights: ReadonlyMap<string, Highlight> = new Map();

type RowsProps = {
  items: readonly TransactionListItem[];
  highlights?: ReadonlyMap<string, Highlight>;
  format: Formatter;
};

/**
 * The list's rows: a table from `md` up, cards on a phone. Shared by the server and the
 * browser: the page renders the first rows on the server (none of this is in the
 * JavaScript the list's first paint waits for), and the live list loads it to render
 * the rows its polls and filters bring.
 */
export function TransactionRows({ items, highlights = noHighlights, format }: RowsProps) {
  return (
    <>
      <TransactionTable items={items} highlights={highlights} format={format} />
      <TransactionCards items={items} highlights={highlights} format={format} />
    </>
  );
}

// The title column stays in view while the others scroll under it; its line on the
// right is a shadow, as a sticky cell's border does not move with it.
const sticky = "sticky left-0 z-10 shadow-[inset_-1px_0_0_var(--color-slate-200)]";

/**
 * From `md` up: a table that scrolls sideways inside the list's box (TransactionsView)
 * when the columns do not fit, the title column staying put, never widening the page.
 * The title column has a width of its own, so a long title or name wraps or is cut
 * inside it.
 */
function TransactionTable({ items, highlights = noHighlights, format }: RowsProps) {
  const t = useTranslations("transactions");
  const tCommon = useTranslations("common");
  return (
    <table className="hidden w-full text-left text-sm md:table">
      <thead className="bg-slate-50 text-xs font-medium tracking-wide text-slate-600 uppercase">
        <tr>
          {columns.map((c) => (
            <th
              key={c}
              scope="col"
              className={`px-4 py-2.5 whitespace-nowrap ${c === "amount" ? "text-right" : ""} ${c === "title" ? `${sticky} bg-slate-50` : ""}`}
            >
              {t(`columns.${c}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {items.map((item) => {
          const mark = highlights.get(item.id);
          return (
            <tr key={item.id} className={rowTone(mark)}>
              <td className={`px-4 py-3 ${sticky} ${mark ? "bg-amber-50" : "bg-white"}`}>
                <div className="w-40 lg:w-56 xl:w-72">
                  <TitleCell item={item} title={item.title ?? tCommon("untitled")} mark={mark} />
                </div>
              </td>
              <td className="px-4 py-3 text-slate-700">
                <ChannelCell item={item} />
              </td>
              <td className="px-4 py-3 text-right whitespace-nowrap tabular-nums">
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
          );
        })}
      </tbody>
    </table>
  );
}

/** Below `md`: one card per transaction, the amount beside the title. */
function TransactionCards({ items, highlights = noHighlights, format }: RowsProps) {
  const tCommon = useTranslations("common");
  return (
    <ul className="divide-y divide-slate-100 md:hidden">
      {items.map((item) => (
        <li key={item.id} className={`px-4 py-3 ${rowTone(highlights.get(item.id))}`}>
          <div className="flex items-start justify-between gap-3">
            <div className="min-w-0">
              <TitleCell
                item={item}
                title={item.title ?? tCommon("untitled")}
                mark={highlights.get(item.id)}
              />
            </div>
            <div className="shrink-0 text-right">
              <p className="font-semibold whitespace-nowrap tabular-nums">
                {format.money(item.amount)}
              </p>
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
  );
}

function rowTone(mark: Highlight | undefined): string {
  return mark ? "bg-amber-50 transition-colors duration-1000" : "transition-colors duration-1000";
}
