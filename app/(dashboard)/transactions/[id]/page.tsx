import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StatusBadge } from "@/components/transactions/status-badge";
import { AutoRefresh } from "@/components/ui/auto-refresh";
import { requirePageUser } from "@/lib/auth/session";
import { terminalStates } from "@/lib/payments/lifecycle";
import { channelLabels, modeLabels } from "@/lib/payments/labels";
import { formatRupiah } from "@/lib/payments/money";
import { getTransactionDetail } from "@/lib/payments/transaction-detail";
import { formatWib } from "@/lib/payments/time";
import { BuyerHandoff } from "./buyer-handoff";
import { EventTimeline } from "./event-timeline";

export const metadata: Metadata = { title: "Transaction" };

export default async function TransactionPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageUser("transactions:read");
  const { id } = await params;
  const detail = await getTransactionDetail(id);
  if (!detail) notFound();
  const { transaction, events } = detail;
  const created = (await searchParams).created === "1" && Boolean(transaction.paymentLinkUrl);
  const facts: [string, string][] = [
    ["Channel", channelLabels[transaction.channel]],
    ["Mode", modeLabels[transaction.mode]],
    ["Our reference", transaction.externalId ?? "—"],
    ["Purwantara ID", transaction.purwantaraUuid ?? "—"],
    ["Created", formatWib(transaction.createdAt)],
    ["Expires", formatWib(transaction.expiresAt)],
    ["Paid", formatWib(transaction.paidAt)],
  ];
  return (
    <div className="max-w-3xl space-y-6">
      {terminalStates.includes(transaction.state) ? null : <AutoRefresh ms={4000} />}
      {created ? (
        <p
          role="status"
          className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 ring-1 ring-emerald-200"
        >
          Payment link created. Send the link below to your buyer.
        </p>
      ) : null}
      <header className="flex items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">
            {transaction.title ?? "Untitled"}
          </h1>
          {transaction.description ? (
            <p className="text-sm text-slate-600">{transaction.description}</p>
          ) : null}
        </div>
        <div className="text-right">
          <p className="text-2xl font-semibold tabular-nums">{formatRupiah(transaction.amount)}</p>
          <StatusBadge state={transaction.state} rawStatus={transaction.rawStatus} />
        </div>
      </header>
      <BuyerHandoff transaction={transaction} />
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 rounded-xl bg-white p-5 text-sm ring-1 ring-slate-200">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-slate-500">{label}</dt>
            <dd className="font-medium break-all text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      <EventTimeline events={events} />
    </div>
  );
}
