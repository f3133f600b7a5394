import { getTranslations } from "next-intl/server";
import type { Transaction } from "@/db/schema";
import type { RefundState } from "@/lib/core/refund-terms";
import type { CurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { formatDay, type Formatter } from "@/lib/format";
import type { PaymentRefunds, RefundView } from "@/lib/payments/refund-view";
import { zonedDay } from "@/lib/core/time";
import { decideRefundAction, requestRefundAction } from "./actions";
import { DecideRefundForm, RequestRefundForm } from "./refund-forms";

const stateStyle = {
  requested: "bg-amber-100 text-amber-950",
  approved: "bg-emerald-100 text-emerald-950",
  rejected: "bg-slate-100 text-slate-800",
} as const satisfies Record<RefundState, string>;

type Props = {
  transaction: Pick<Transaction, "id" | "flags">;
  user: CurrentUser;
  ledger: PaymentRefunds;
  format: Formatter;
};

/**
 * The payment's refunds: gross, refunded, waiting and net; the ledger with its
 * decisions; the request form. Said plainly: the money goes back outside the
 * dashboard and Purwantara is not told.
 */
export async function RefundsSection({ transaction, user, ledger, format }: Props) {
  const t = await getTranslations("refunds");
  const { figures } = ledger;
  const rows: [string, string][] = [
    [t("figures.gross"), format.money(figures.gross)],
    [t("figures.refunded"), format.money(figures.refunded)],
    [t("figures.waiting"), format.money(figures.waiting)],
    [t("figures.net"), format.money(figures.net)],
  ];
  const today = zonedDay(new Date(), user.timeZone);
  const paidTwice = transaction.flags.includes("paid_twice");
  const mayRequest = can(user.role, "refunds:request");
  const initial: Record<string, string> = {
    refundedOn: today,
    ...(paidTwice ? { amount: figures.left.split(".")[0] ?? "", reason: "paid_twice" } : {}),
  };
  return (
    <section
      aria-labelledby="refunds-heading"
      className="space-y-4 rounded-xl bg-white p-5 ring-1 ring-slate-200"
    >
      <h2 id="refunds-heading" className="text-sm font-semibold text-slate-900">
        {t("title")}
      </h2>
      <p className="text-sm text-slate-700">{t("honest")}</p>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
        {rows.map(([label, value]) => (
          <div key={label} className="min-w-0">
            <dt className="text-slate-600">{label}</dt>
            <dd className="font-medium break-words text-slate-900 tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      <h3 className="font-medium">{t("listTitle")}</h3>
      {ledger.refunds.length ? (
        <ul className="divide-y divide-slate-200">
          {ledger.refunds.map((refund) => (
            <RefundItem key={refund.id} refund={refund} user={user} format={format} />
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">{t("none")}</p>
      )}
      {mayRequest ? (
        ledger.open ? (
          <div className="space-y-2 border-t border-slate-200 pt-4">
            {paidTwice ? <p className="text-sm text-amber-900">{t("paidTwiceHint")}</p> : null}
            <RequestRefundForm
              action={requestRefundAction.bind(null, transaction.id)}
              initial={initial}
              hint={t("formHint", { left: format.money(figures.left) })}
            />
          </div>
        ) : (
          <p className="text-sm text-slate-600">{t("nothingLeft")}</p>
        )
      ) : null}
    </section>
  );
}

async function RefundItem({
  refund,
  user,
  format,
}: {
  refund: RefundView & { hasProof: boolean };
  user: CurrentUser;
  format: Formatter;
}) {
  const t = await getTranslations("refunds");
  const decidedLine =
    refund.decidedByName && refund.decidedAt
      ? t(refund.state === "approved" ? "approvedBy" : "rejectedBy", {
          name: refund.decidedByName,
          time: format.dateTime(refund.decidedAt),
        })
      : null;
  const to = refund.bank
    ? t("bankAccount", { bank: refund.bank, account: refund.account ?? "" })
    : refund.account
      ? t("account", { account: refund.account })
      : null;
  const mayDecide = refund.state === "requested" && can(user.role, "refunds:approve");
  const maySeeProof = can(user.role, "refunds:approve");
  return (
    <li className="space-y-1 py-3 text-sm">
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-semibold tabular-nums">{format.money(refund.amount)}</span>
        <span className={`rounded px-2 py-0.5 text-xs font-medium ${stateStyle[refund.state]}`}>
          {t(`state.${refund.state}`)}
        </span>
      </p>
      <p className="text-slate-700">
        {t("itemSummary", {
          reason: t(`reason.${refund.reason}`),
          method: t(`method.${refund.method}`),
          day: formatDay(refund.refundedOn, format.locale),
        })}
      </p>
      {to ? <p className="break-words text-slate-700">{to}</p> : null}
      {refund.note ? (
        <p className="break-words text-slate-700">{t("noteShown", { note: refund.note })}</p>
      ) : null}
      <p className="text-slate-600">
        {t("requestedBy", {
          name: refund.requestedByName,
          time: format.dateTime(refund.requestedAt),
        })}
      </p>
      {decidedLine ? <p className="text-slate-600">{decidedLine}</p> : null}
      {refund.hasProof && maySeeProof ? (
        <p>
          <a
            href={`/api/refunds/${refund.id}/proof`}
            target="_blank"
            rel="noopener"
            className="inline-flex min-h-11 items-center font-medium text-brand-700 hover:underline"
          >
            {t("proofLink")}
          </a>
        </p>
      ) : null}
      {refund.decisionNote ? (
        <p className="break-words text-slate-700">
          {t("decisionNoteShown", { note: refund.decisionNote })}
        </p>
      ) : null}
      {mayDecide && refund.requestedBy === user.id ? (
        <p className="text-slate-600">{t("ownRequest")}</p>
      ) : null}
      {mayDecide && refund.requestedBy !== user.id ? (
        <div className="pt-2">
          <DecideRefundForm
            refundId={refund.id}
            approve={decideRefundAction.bind(null, refund.transactionId, refund.id, "approved")}
            reject={decideRefundAction.bind(null, refund.transactionId, refund.id, "rejected")}
          />
        </div>
      ) : null}
    </li>
  );
}
