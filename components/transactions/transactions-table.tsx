"use client";

import Link from "next/link";
import { formatRupiah } from "@/lib/payments/money";
import { channelLabels } from "@/lib/payments/labels";
import { formatWib } from "@/lib/payments/time";
import type { TransactionListPage } from "@/lib/payments/transaction-list-types";
import { StatusBadge } from "./status-badge";
import { transactionsUrl, useTransactions } from "./use-transactions";

const headings = ["Title", "Channel", "Amount", "Status", "Created", "Paid"];

export function TransactionsTable({
  initialPage,
  cursor,
}: {
  initialPage: TransactionListPage;
  cursor: string | null;
}) {
  const query = cursor ? new URLSearchParams({ cursor }) : "";
  const { data, error, isValidating } = useTransactions(transactionsUrl(query), initialPage);
  const items = data?.items ?? [];
  return (
    <div className="overflow-hidden rounded-xl bg-white shadow-xs ring-1 ring-slate-200">
      <div className="flex items-center justify-between border-b border-slate-200 px-4 py-2 text-xs text-slate-500">
        <span>{items.length === 1 ? "1 transaction" : `${items.length} transactions`}</span>
        <span aria-live="polite">
          {error ? (
            <span className="text-rose-600">Live updates paused: {error.message}</span>
          ) : (
            <span className="inline-flex items-center gap-1.5">
              <span
                className={`size-2 rounded-full ${isValidating ? "bg-brand-500" : "bg-emerald-500"}`}
              />
              Live
            </span>
          )}
        </span>
      </div>
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs font-medium tracking-wide text-slate-500 uppercase">
          <tr>
            {headings.map((h) => (
              <th
                key={h}
                scope="col"
                className={`px-4 py-2.5 ${h === "Amount" ? "text-right" : ""}`}
              >
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((t) => (
            <tr key={t.id} className="hover:bg-slate-50">
              <td className="px-4 py-3">
                <Link
                  href={`/transactions/${t.id}`}
                  className="font-medium text-slate-900 hover:text-brand-700"
                >
                  {t.title ?? "Untitled"}
                </Link>
                <p className="font-mono text-xs text-slate-400">
                  {t.externalId ?? "made outside the dashboard"}
                </p>
              </td>
              <td className="px-4 py-3 text-slate-600">{channelLabels[t.channel]}</td>
              <td className="px-4 py-3 text-right font-medium tabular-nums">
                {formatRupiah(t.amount)}
              </td>
              <td className="px-4 py-3">
                <StatusBadge state={t.state} rawStatus={t.rawStatus} />
              </td>
              <td className="px-4 py-3 whitespace-nowrap text-slate-600">
                {formatWib(t.createdAt)}
              </td>
              <td className="px-4 py-3 whitespace-nowrap text-slate-600">{formatWib(t.paidAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {items.length === 0 ? (
        <p className="px-4 py-10 text-center text-sm text-slate-500">
          No transactions yet. Payments you create, and payments Purwantara reports, appear here.
        </p>
      ) : null}
      <nav
        aria-label="Pages"
        className="flex justify-between border-t border-slate-200 px-4 py-2 text-sm"
      >
        {cursor ? (
          <Link href="/transactions" className="text-brand-700 hover:underline">
            ← Newest
          </Link>
        ) : (
          <span />
        )}
        {data?.nextCursor ? (
          <Link
            href={`/transactions?cursor=${encodeURIComponent(data.nextCursor)}`}
            className="text-brand-700 hover:underline"
          >
            Older →
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
