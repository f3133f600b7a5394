import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/transactions/status-badge";
import { CreatedMarker } from "@/components/payments/created-marker";
import { AutoRefresh } from "@/components/ui/auto-refresh";
import { can } from "@/lib/auth/roles";
import { getCurrentUser, requirePageUser } from "@/lib/auth/session";
import { actingMode } from "@/lib/gateway/config";
import { getFormatter } from "@/lib/i18n/server";
import { paymentName } from "@/lib/i18n/payment-name";
import { isTransactionFlag } from "@/lib/payments/flags";
import { terminalStates } from "@/lib/core/payment-states";
import { getPaymentRefunds } from "@/lib/payments/refund-view";
import { getTransactionDetail } from "@/lib/payments/transaction-detail";
import { BillPayments, MaybeTwicePayments } from "./bill-payments";
import { BuyerHandoff } from "./buyer-handoff";
import { EventTimeline } from "./event-timeline";
import { RefundsSection } from "./refunds-section";

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
  const mode = await actingMode(user);
  const detail = await getTransactionDetail((await params).id, mode);
  if (!detail) notFound();
  const ledger = await getPaymentRefunds(detail.transaction, mode);
  const t = await getTranslations();
  const format = await getFormatter();
  const { transaction, money, createdBy } = detail;
  const justMade = (await searchParams).created === "1";
  const created = justMade && Boolean(transaction.purwantaraUuid);
  const dash = t("common.none");
  const facts: [string, string][] = [
    [t("transaction.facts.channel"), t(`channel.${transaction.channel}`)],
    ...(transaction.bank
      ? [[t("transaction.facts.bank"), paymentName(t, transaction.bank)] as [string, string]]
      : []),
    [
      t("transaction.facts.paymentChannel"),
      transaction.paymentChannel ? paymentName(t, transaction.paymentChannel) : dash,
    ],
    [t("transaction.facts.mode"), t(`mode.${transaction.mode}`)],
    [t("transaction.facts.reference"), transaction.externalId ?? dash],
    [t("transaction.facts.purwantaraId"), transaction.purwantaraUuid ?? dash],
    ...(transaction.vaNumber
      ? [[t("transaction.facts.vaNumber"), transaction.vaNumber] as [string, string]]
      : []),
    ...(transaction.paymentCode
      ? [[t("transaction.facts.paymentCode"), transaction.paymentCode] as [string, string]]
      : []),
    [t("transaction.facts.rawStatus"), transaction.rawStatus ?? dash],
    [
      t("transaction.facts.createdBy"),
      createdBy
        ? `${createdBy.name} (${createdBy.email})`
        : transaction.flags.includes("outside_dashboard")
          ? t("transaction.facts.createdByGateway")
          : dash,
    ],
    [t("transaction.facts.created"), format.dateTime(transaction.createdAt)],
    [t("transaction.facts.expires"), format.dateTime(transaction.expiresAt)],
    [t("transaction.facts.paid"), format.dateTime(transaction.paidAt)],
    [t("transaction.facts.settled"), format.dateTime(transaction.settledAt)],
  ];
  const moneyFacts: [string, string][] = [
    [t("transaction.money.amount"), format.money(transaction.amount)],
    [
      t("transaction.money.confirmed"),
      money.confirmedAmount
        ? format.money(money.confirmedAmount)
        : t("transaction.money.notConfirmed"),
    ],
    [
      t("transaction.money.fee"),
      money.fee
        ? format.money(money.fee)
        : money.feeUnknown
          ? t("transaction.money.feeUnknown")
          : dash,
    ],
    [t("transaction.money.total"), money.total ? format.money(money.total) : dash],
    [
      t("transaction.money.net"),
      money.net
        ? format.money(money.net)
        : money.feeUnknown
          ? t("transaction.money.netUnknown")
          : dash,
    ],
  ];
  const customer: [string, string][] = [
    [t("transaction.customer.name"), transaction.customerName ?? dash],
    [t("transaction.customer.email"), transaction.customerEmail ?? dash],
    [t("transaction.customer.phone"), transaction.customerPhone ?? dash],
  ];
  const isAdmin = user.role === "admin";
  const maybeTwice = transaction.flags.includes("maybe_paid_twice");
  return (
    <div className="max-w-3xl space-y-5">
      {terminalStates.includes(transaction.state) ? null : <AutoRefresh ms={3000} />}
      {justMade ? <CreatedMarker id={transaction.id} channel={transaction.channel} /> : null}
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
      {transaction.flags.length ? (
        <section
          aria-labelledby="flags-heading"
          className="rounded-xl bg-amber-50 p-5 ring-1 ring-amber-200"
        >
          <h2 id="flags-heading" className="mb-2 text-sm font-semibold text-amber-950">
            {t("transaction.flagsTitle")}
          </h2>
          <ul className="flex flex-wrap gap-2">
            {transaction.flags.map((flag) => (
              <li
                key={flag}
                className="rounded bg-amber-100 px-2 py-1 text-sm font-medium text-amber-950"
              >
                {isTransactionFlag(flag) ? t(`flags.${flag}`) : flag}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <BillPayments payments={detail.billPayments} format={format} />
      {maybeTwice ? (
        <MaybeTwicePayments
          transactionId={transaction.id}
          payments={detail.doubles.maybePartners}
          format={format}
          mayDismiss={can(user.role, "refunds:approve")}
        />
      ) : null}
      <FactList id="money-heading" title={t("transaction.money.title")} facts={moneyFacts} />
      {ledger.open || ledger.refunds.length ? (
        <RefundsSection
          transaction={transaction}
          doubles={detail.doubles}
          user={user}
          ledger={ledger}
          format={format}
        />
      ) : null}
      <FactList id="facts-heading" title={t("transaction.details")} facts={facts} />
      <FactList id="customer-heading" title={t("transaction.customer.title")} facts={customer} />
      <EventTimeline
        entries={detail.timeline}
        gatewayCallsHref={
          can(user.role, "gateway-calls:read")
            ? `/gateway-calls?transaction=${transaction.id}`
            : undefined
        }
      />
      {isAdmin ? (
        <section
          aria-labelledby="raw-heading"
          className="rounded-xl bg-white p-5 ring-1 ring-slate-200"
        >
          <h2 id="raw-heading" className="mb-2 text-sm font-semibold text-slate-900">
            {t("transaction.raw.title")}
          </h2>
          {transaction.lastResponse ? (
            <details>
              <summary className="flex min-h-11 cursor-pointer items-center text-sm font-medium text-brand-700">
                {t("transaction.raw.summary")}
              </summary>
              {/* The gateway's own JSON, as stored. */}
              <pre className="mt-2 max-h-96 overflow-auto rounded-md bg-slate-50 p-3 font-mono text-xs break-all whitespace-pre-wrap text-slate-800">
                {JSON.stringify(transaction.lastResponse, null, 2)}
              </pre>
            </details>
          ) : (
            <p className="text-sm text-slate-600">{t("transaction.raw.empty")}</p>
          )}
        </section>
      ) : null}
    </div>
  );
}

function FactList({ id, title, facts }: { id: string; title: string; facts: [string, string][] }) {
  return (
    <section aria-labelledby={id} className="rounded-xl bg-white p-5 ring-1 ring-slate-200">
      <h2 id={id} className="mb-3 text-sm font-semibold text-slate-900">
        {title}
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
  );
}
