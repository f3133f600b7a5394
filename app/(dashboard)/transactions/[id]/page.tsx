import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/transactions/status-badge";
import { AutoRefresh } from "@/components/ui/auto-refresh";
import { can } from "@/lib/auth/roles";
import { getCurrentUser, requirePageUser } from "@/lib/auth/session";
import { actingMode } from "@/lib/gateway/config";
import { getFormatter } from "@/lib/i18n/server";
import { terminalStates } from "@/lib/payments/lifecycle";
import { getTransactionDetail } from "@/lib/payments/transaction-detail";
import { BuyerHandoff } from "./buyer-handoff";
import { EventTimeline } from "./event-timeline";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("transaction");
  const user = await getCurrentUser();
  const detail = user
    ? await getTransactionDetail((await params).id, await actingMode(user))
    : null;
  return { title: detail?.transaction.title ?? t("pageTitle") };
}

export default async function TransactionPage({ params, searchParams }: Props) {
  const user = await requirePageUser("transactions:read");
  const detail = await getTransactionDetail((await params).id, await actingMode(user));
  if (!detail) notFound();
  const t = await getTranslations();
  const format = await getFormatter();
  const { transaction, events } = detail;
  const created = (await searchParams).created === "1" && Boolean(transaction.purwantaraUuid);
  const facts: [string, string][] = [
    [t("transaction.facts.channel"), t(`channel.${transaction.channel}`)],
    [t("transaction.facts.mode"), t(`mode.${transaction.mode}`)],
    [t("transaction.facts.reference"), transaction.externalId ?? "—"],
    [t("transaction.facts.purwantaraId"), transaction.purwantaraUuid ?? "—"],
    [t("transaction.facts.created"), format.dateTime(transaction.createdAt)],
    [t("transaction.facts.expires"), format.dateTime(transaction.expiresAt)],
    [t("transaction.facts.paid"), format.dateTime(transaction.paidAt)],
  ];
  return (
    <div className="max-w-3xl space-y-5">
      {terminalStates.includes(transaction.state) ? null : <AutoRefresh ms={3000} />}
      {created ? (
        <p
          role="status"
          className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-950 ring-1 ring-emerald-200"
        >
          {t("transaction.created")}
        </p>
      ) : null}
      <header className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <div className="min-w-0">
          <h1 className="text-xl font-semibold tracking-tight break-words sm:text-2xl">
            {transaction.title ?? t("common.untitled")}
          </h1>
          {transaction.description && transaction.description !== transaction.title ? (
            <p className="text-sm break-words text-slate-600">{transaction.description}</p>
          ) : null}
        </div>
        <div className="flex items-center gap-3 sm:flex-col sm:items-end sm:gap-1">
          <p className="text-xl font-semibold tabular-nums sm:text-2xl">
            {format.money(transaction.amount)}
          </p>
          <StatusBadge state={transaction.state} rawStatus={transaction.rawStatus} />
        </div>
      </header>
      <BuyerHandoff transaction={transaction} canManage={can(user.role, "payments:create")} />
      <section
        aria-labelledby="facts-heading"
        className="rounded-xl bg-white p-5 ring-1 ring-slate-200"
      >
        <h2 id="facts-heading" className="mb-3 text-sm font-semibold text-slate-900">
          {t("transaction.details")}
        </h2>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
          {facts.map(([label, value]) => (
            <div key={label} className="min-w-0">
              <dt className="text-slate-600">{label}</dt>
              <dd className="font-medium break-words text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <EventTimeline events={events} />
    </div>
  );
}
