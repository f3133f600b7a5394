import { CopyButton } from "@/components/ui/copy-button";
import { buttonClass } from "@/components/ui/button-class";
import type { Transaction } from "@/db/schema";

/** What the merchant hands the buyer, or why there is nothing to hand yet. */
export function BuyerHandoff({ transaction }: { transaction: Transaction }) {
  if (transaction.state === "failed_to_create") {
    const fields = Object.entries(transaction.errorFields ?? {});
    return (
      <section
        role="alert"
        className="rounded-xl bg-rose-50 p-5 text-sm text-rose-900 ring-1 ring-rose-200"
      >
        <h2 className="font-semibold">Purwantara did not create this payment</h2>
        <p className="mt-1">{transaction.errorMessage}</p>
        {transaction.errorCode ? (
          <p className="mt-1 font-mono text-xs">Code: {transaction.errorCode}</p>
        ) : null}
        {fields.length ? (
          <ul className="mt-2 list-disc pl-5">
            {fields.map(([field, messages]) => (
              <li key={field}>
                <span className="font-mono">{field}</span>: {messages.join(" ")}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    );
  }
  if (transaction.state === "unconfirmed") {
    return (
      <section
        role="alert"
        className="rounded-xl bg-orange-50 p-5 text-sm text-orange-950 ring-1 ring-orange-200"
      >
        <h2 className="font-semibold">Purwantara did not confirm this payment link</h2>
        <p className="mt-1">{transaction.errorMessage}</p>
        <p className="mt-2">
          It may exist all the same. If Purwantara reports it, this page updates by itself. Before
          making another link for the same sale, check Purwantara&apos;s dashboard for reference{" "}
          <span className="font-mono">{transaction.externalId}</span>.
        </p>
      </section>
    );
  }
  if (!transaction.paymentLinkUrl) {
    return (
      <section className="rounded-xl bg-white p-5 text-sm text-slate-600 ring-1 ring-slate-200">
        Waiting for Purwantara to return the payment details…
      </section>
    );
  }
  return (
    <section className="rounded-xl bg-white p-5 ring-1 ring-slate-200">
      <h2 className="text-sm font-semibold text-slate-900">Payment link for the buyer</h2>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <output
          aria-label="Payment link"
          className="min-w-0 flex-1 truncate rounded-md bg-slate-50 px-3 py-2 font-mono text-sm ring-1 ring-slate-200"
        >
          {transaction.paymentLinkUrl}
        </output>
        <CopyButton value={transaction.paymentLinkUrl} label="Copy link" />
        <a
          href={transaction.paymentLinkUrl}
          target="_blank"
          rel="noreferrer"
          className={buttonClass("ghost")}
        >
          Open
        </a>
      </div>
    </section>
  );
}
