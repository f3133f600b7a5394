import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button-class";
import { CopyButton } from "@/components/ui/copy-button";
import type { Transaction } from "@/db/schema";

const alertBox = "rounded-xl p-5 text-sm ring-1";

/** What the merchant hands the buyer, or why there is nothing to hand yet. */
export async function BuyerHandoff({ transaction }: { transaction: Transaction }) {
  const t = await getTranslations("handoff");
  const tCommon = await getTranslations("common");
  if (transaction.state === "failed_to_create") {
    const fields = Object.entries(transaction.errorFields ?? {});
    return (
      <section role="alert" className={`${alertBox} bg-rose-50 text-rose-950 ring-rose-200`}>
        <h2 className="font-semibold">{t("notCreatedTitle")}</h2>
        <p className="mt-1">{t("notCreatedBody")}</p>
        {fields.length ? (
          <ul className="mt-2 list-disc pl-5">
            {fields.map(([field, messages]) => (
              <li key={field}>
                <span className="font-mono">{field}</span>: {messages.join(" ")}
              </li>
            ))}
          </ul>
        ) : null}
        <TechnicalNote transaction={transaction} label={t} />
      </section>
    );
  }
  if (transaction.state === "unconfirmed") {
    return (
      <section role="alert" className={`${alertBox} bg-orange-50 text-orange-950 ring-orange-200`}>
        <h2 className="font-semibold">{t("unconfirmedTitle")}</h2>
        <p className="mt-1">
          {t.rich("unconfirmedBody", {
            reference: transaction.externalId ?? "—",
            ref: (chunks) => <span className="font-mono break-all">{chunks}</span>,
          })}
        </p>
        <TechnicalNote transaction={transaction} label={t} />
      </section>
    );
  }
  if (!transaction.paymentLinkUrl) {
    return (
      <section className={`${alertBox} bg-white text-slate-700 ring-slate-200`}>
        {t("waiting")}
      </section>
    );
  }
  return (
    <section aria-labelledby="handoff-heading" className={`${alertBox} bg-white ring-slate-200`}>
      <h2 id="handoff-heading" className="font-semibold text-slate-900">
        {t("linkTitle")}
      </h2>
      <div className="mt-3 flex flex-col gap-2 sm:flex-row sm:items-center">
        <output
          aria-label={t("linkLabel")}
          className="min-w-0 flex-1 rounded-md bg-slate-50 px-3 py-2.5 font-mono text-sm break-all ring-1 ring-slate-200"
        >
          {transaction.paymentLinkUrl}
        </output>
        <div className="grid grid-cols-2 gap-2 sm:flex">
          <CopyButton
            value={transaction.paymentLinkUrl}
            labels={{ idle: t("copyLink"), done: tCommon("copied"), failed: tCommon("copyFailed") }}
          />
          <a
            href={transaction.paymentLinkUrl}
            target="_blank"
            rel="noreferrer"
            className={buttonClass("secondary")}
          >
            {tCommon("open")}
          </a>
        </div>
      </div>
    </section>
  );
}

/** The recorded reason and code, as stored: detail for support, not interface text. */
function TechnicalNote({
  transaction,
  label,
}: {
  transaction: Transaction;
  label: Awaited<ReturnType<typeof getTranslations<"handoff">>>;
}) {
  return (
    <div className="mt-3 space-y-0.5 font-mono text-xs break-words">
      {transaction.errorMessage ? (
        <p>{label("technical", { detail: transaction.errorMessage })}</p>
      ) : null}
      {transaction.errorCode ? <p>{label("code", { code: transaction.errorCode })}</p> : null}
    </div>
  );
}
