import Link from "next/link";
import { CursorPager } from "@/components/ui/cursor-pager";
import { useTranslations } from "next-intl";
import { describeRecordedNote } from "@/lib/i18n/recorded-note";
import {
  DeliveryMode,
  OutcomeBadge,
  SignatureVerdict,
} from "@/components/callbacks/delivery-labels";
import { EmptyState } from "@/components/ui/empty-state";
import type { Formatter } from "@/lib/format";
import type { DeliveryLogFilter, DeliveryLogPage } from "@/lib/webhooks/delivery-log";

type Item = DeliveryLogPage["items"][number];

const columns = [
  "received",
  "mode",
  "transaction",
  "status",
  "signature",
  "outcome",
  "reason",
] as const;

/** The log's URL for a filter and a page: what the filter form would have written. */
export function logHref(filter: DeliveryLogFilter, cursor?: string): string {
  const params = new URLSearchParams();
  for (const outcome of filter.outcomes) params.append("outcome", outcome);
  if (filter.from) params.set("from", filter.from);
  if (filter.to) params.set("to", filter.to);
  if (cursor) params.set("cursor", cursor);
  const query = params.toString();
  return query ? `/callbacks?${query}` : "/callbacks";
}

/** Deliveries newest first: a table from `md` up, cards on a phone. */
export function DeliveryList({
  page,
  cursor,
  format,
}: {
  page: DeliveryLogPage;
  cursor: string | null;
  format: Formatter;
}) {
  const t = useTranslations("callbacks");
  const tAll = useTranslations();
  const reasonOf = (reason: string | null) =>
    reason ? describeRecordedNote(tAll, format, reason) : null;
  const filtered = page.filter.outcomes.length > 0 || page.filter.from || page.filter.to;
  return (
    <div className="overflow-hidden rounded-xl bg-white shadow-xs ring-1 ring-slate-200">
      <p className="border-b border-slate-200 px-4 py-2 text-xs text-slate-600">
        {t("count", { count: page.items.length })}
      </p>
      {page.items.length === 0 ? (
        filtered ? (
          <EmptyState title={t("emptyFilteredTitle")}>{t("emptyFilteredBody")}</EmptyState>
        ) : (
          <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
        )
      ) : (
        <>
          <table className="hidden w-full text-left text-sm md:table">
            <thead className="bg-slate-50 text-xs font-medium tracking-wide text-slate-600 uppercase">
              <tr>
                {columns.map((c) => (
                  <th key={c} scope="col" className="px-3 py-2.5">
                    {t(`columns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {page.items.map((item) => (
                <tr key={item.id} className="align-top">
                  <td className="px-3 py-3 whitespace-nowrap">
                    <TimeLink item={item} format={format} />
                  </td>
                  <td className="px-3 py-3 text-slate-700">
                    <DeliveryMode mode={item.mode} />
                  </td>
                  <td className="px-3 py-3">
                    <TransactionLink item={item} />
                  </td>
                  <td className="px-3 py-3 font-mono text-xs break-all text-slate-800">
                    {item.rawStatus ?? "—"}
                  </td>
                  <td className="px-3 py-3 text-xs">
                    <SignatureVerdict delivery={item} />
                  </td>
                  <td className="px-3 py-3">
                    <OutcomeBadge outcome={item.outcome} resolution={item.resolution} />
                  </td>
                  <td className="max-w-xs px-3 py-3 text-xs break-words text-slate-700">
                    <span className="line-clamp-3">{reasonOf(item.reason) ?? "—"}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <ul className="divide-y divide-slate-100 md:hidden">
            {page.items.map((item) => (
              <li key={item.id} className="space-y-1.5 px-4 py-3 text-sm">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <TimeLink item={item} format={format} />
                  <OutcomeBadge outcome={item.outcome} resolution={item.resolution} />
                </div>
                <TransactionLink item={item} />
                <p className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-700">
                  <span className="font-mono break-all">{item.rawStatus ?? "—"}</span>
                  <SignatureVerdict delivery={item} />
                </p>
                {item.reason ? (
                  <p className="line-clamp-3 text-xs break-words text-slate-700">
                    {reasonOf(item.reason)}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
      <CursorPager
        labels={{ pages: t("pages"), newest: t("newest"), older: t("older") }}
        newestHref={cursor ? logHref(page.filter) : null}
        olderHref={page.nextCursor ? logHref(page.filter, page.nextCursor) : null}
      />
    </div>
  );
}

function TimeLink({ item, format }: { item: Item; format: Formatter }) {
  const t = useTranslations("callbacks");
  const time = format.dateTime(item.receivedAt);
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <Link
        href={`/callbacks/${item.id}`}
        aria-label={t("openDelivery", { time })}
        className="inline-flex min-h-11 items-center font-medium text-slate-900 underline decoration-slate-300 underline-offset-2 hover:text-brand-700 focus-visible:outline-2 focus-visible:outline-brand-500 md:min-h-0"
      >
        {time}
      </Link>
      {item.replayOf ? (
        <span className="rounded bg-slate-100 px-1.5 py-0.5 text-[0.7rem] font-semibold text-slate-700">
          {t("replayBadge")}
        </span>
      ) : null}
    </span>
  );
}

function TransactionLink({ item }: { item: Item }) {
  const t = useTranslations("callbacks");
  if (!item.transactionId) return <span className="text-slate-600">{t("noTransaction")}</span>;
  return (
    <Link
      href={`/transactions/${item.transactionId}`}
      className="break-words text-brand-700 hover:underline"
    >
      {item.transactionTitle ?? t("untitledTransaction")}
    </Link>
  );
}
