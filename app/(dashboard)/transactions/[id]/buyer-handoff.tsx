import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { channelViews } from "@/channels/client";
import { qrImage } from "@/channels/shared/qr-image";
import { ShopNameProvider } from "@/channels/shared/shop-name";
import type { HandoffTransaction } from "@/channels/shared/view-types";
import { ActionButtonForm } from "@/components/payments/action-button-form";
import { CancelPaymentForm } from "@/components/payments/cancel-payment-form";
import { buttonClass } from "@/components/ui/button-class";
import type { Transaction } from "@/db/schema";
import { getChannelModule } from "@/channels/server";
import { getFormatter } from "@/lib/i18n/server";
import { paymentName } from "@/lib/i18n/payment-name";
import { describeRecordedNote } from "@/lib/i18n/recorded-note";
import { payFacts } from "@/lib/payments/slip";
import { getShop } from "@/lib/settings/shop";
import { cancelPaymentAction, checkStatusAction } from "./actions";

const box = "rounded-xl p-5 text-sm ring-1";

export function handoffData(t: Transaction): HandoffTransaction {
  return {
    id: t.id,
    state: t.state,
    amount: t.amount,
    title: t.title,
    description: t.description,
    bank: t.bank,
    paymentChannel: t.paymentChannel,
    vaNumber: t.vaNumber,
    qrString: t.qrString,
    paymentLinkUrl: t.paymentLinkUrl,
    checkoutUrl: t.checkoutUrl,
    paymentCode: t.paymentCode,
    customerPhone: t.customerPhone,
    expiresAt: t.expiresAt?.toISOString() ?? null,
  };
}

/**
 * What the merchant hands the buyer (asked of the channel's view), a receipt once
 * paid, or why there is nothing to hand: never an invitation to send a dead link.
 */
export async function BuyerHandoff({
  transaction,
  canManage,
}: {
  transaction: Transaction;
  /** May create and cancel payments (operators and admins). */
  canManage: boolean;
}) {
  const t = await getTranslations("handoff");
  const tAll = await getTranslations();
  const format = await getFormatter();
  const again = (
    <Link
      href={`/payments/new/${transaction.channel}?from=${transaction.id}`}
      className={`${buttonClass("secondary")} mt-3`}
    >
      {t("createAgain")}
    </Link>
  );
  const check = (
    <ActionButtonForm
      action={checkStatusAction.bind(null, transaction.id)}
      label={t("checkStatus")}
      pendingLabel={t("checking")}
    />
  );
  switch (transaction.state) {
    case "failed_to_create":
      return (
        <section role="alert" className={`${box} bg-rose-50 text-rose-950 ring-rose-200`}>
          <h2 className="font-semibold">{t("notCreatedTitle")}</h2>
          <p className="mt-1">{t("notCreatedBody")}</p>
          <GatewayFieldErrors fields={transaction.errorFields} />
          <TechnicalNote transaction={transaction} />
          {again}
        </section>
      );
    case "unconfirmed":
      return (
        <section role="alert" className={`${box} bg-orange-50 text-orange-950 ring-orange-200`}>
          <h2 className="font-semibold">{t("unconfirmedTitle")}</h2>
          <p className="mt-1">
            {t.rich("unconfirmedBody", {
              reference: transaction.externalId ?? "—",
              ref: (chunks) => <span className="font-mono break-all">{chunks}</span>,
            })}
          </p>
          <TechnicalNote transaction={transaction} />
          <div className="mt-3">{check}</div>
        </section>
      );
    case "paid":
    case "settled": {
      const time = format.dateTime(transaction.paidAt);
      return (
        <section role="status" className={`${box} bg-emerald-50 text-emerald-950 ring-emerald-200`}>
          <h2 className="font-semibold">{t("paidTitle")}</h2>
          <p className="mt-1">
            {transaction.paymentChannel
              ? t("paidVia", { time, channel: paymentName(tAll, transaction.paymentChannel) })
              : t("paidBody", { time })}
          </p>
          <p className="mt-1 text-lg font-semibold tabular-nums">
            {format.money(transaction.amount)}
          </p>
          <Link
            href={`/transactions/${transaction.id}/receipt`}
            className={`${buttonClass("secondary")} mt-3`}
          >
            {t("openReceipt")}
          </Link>
        </section>
      );
    }
    case "expired":
    case "cancelled":
    case "failed":
      return (
        <section className={`${box} bg-slate-100 text-slate-900 ring-slate-300`}>
          <h2 className="font-semibold">{t(`closed_${transaction.state}`)}</h2>
          <p className="mt-1">{t("closedBody")}</p>
          {again}
        </section>
      );
  }
  const views = channelViews[transaction.channel];
  const data = handoffData(transaction);
  if (!views || transaction.state === "creating" || !transaction.purwantaraUuid) {
    return (
      <section className={`${box} bg-white text-slate-700 ring-slate-200`}>{t("waiting")}</section>
    );
  }
  const { Handoff } = views;
  const cancellable = canManage && Boolean(getChannelModule(transaction.channel)?.cancelPath);
  return (
    <section aria-label={t("sectionLabel")} className={`${box} space-y-4 bg-white ring-slate-200`}>
      <ShopNameProvider name={(await getShop()).name}>
        <Handoff transaction={data} qr={await qrImage(views.qrText?.(payFacts(transaction)))} />
      </ShopNameProvider>
      <div className="flex flex-wrap items-start gap-2">
        {getChannelModule(transaction.channel)?.inquiryPath ? check : null}
        {cancellable ? (
          <CancelPaymentForm action={cancelPaymentAction.bind(null, transaction.id)} />
        ) : null}
      </div>
    </section>
  );
}

function GatewayFieldErrors({ fields }: { fields: Record<string, string[]> | null }) {
  const entries = Object.entries(fields ?? {});
  if (!entries.length) return null;
  return (
    <ul className="mt-2 list-disc pl-5">
      {entries.map(([field, messages]) => (
        <li key={field}>
          <span className="font-mono">{field}</span>: {messages.join(" ")}
        </li>
      ))}
    </ul>
  );
}

/** The recorded reason (in the reader's words, the gateway's own message quoted) and code. */
async function TechnicalNote({ transaction }: { transaction: Transaction }) {
  const t = await getTranslations("handoff");
  const tAll = await getTranslations();
  const format = await getFormatter();
  return (
    <div className="mt-3 space-y-0.5 font-mono text-xs break-words">
      {transaction.errorMessage ? (
        <p>
          {t("technical", {
            detail: describeRecordedNote(tAll, format, transaction.errorMessage),
          })}
        </p>
      ) : null}
      {transaction.errorCode ? <p>{t("code", { code: transaction.errorCode })}</p> : null}
    </div>
  );
}
