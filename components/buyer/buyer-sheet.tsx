import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { Shop } from "@/lib/settings/shop";

/**
 * One sheet for the buyer (slip, receipt): the shop at the top (logo, name, contact
 * line), the document's name, then its facts. Black on white, no background on paper:
 * a thermal printer prints it as it is.
 */
export async function BuyerSheet({
  shop,
  title,
  children,
}: {
  shop: Shop;
  title: string;
  children: ReactNode;
}) {
  const t = await getTranslations("buyerPage");
  return (
    <article className="space-y-4 rounded-xl bg-white p-5 text-slate-950 ring-1 ring-slate-200 print:rounded-none print:p-0 print:ring-0">
      <header className="flex flex-col items-center gap-1 border-b border-dashed border-slate-400 pb-3 text-center">
        {shop.logoVersion !== null ? (
          // The logo this server re-encoded at upload, from our own route.
          // eslint-disable-next-line @next/next/no-img-element -- a private, signed-in route; next/image adds nothing
          <img
            src={`/api/settings/logo?v=${shop.logoVersion}`}
            alt={shop.name ? t("logoAlt", { shop: shop.name }) : t("logoAltPlain")}
            className="max-h-16 max-w-48 object-contain"
          />
        ) : null}
        {shop.name ? <p className="text-xl font-bold break-words">{shop.name}</p> : null}
        {shop.contact ? <p className="text-sm break-words text-slate-700">{shop.contact}</p> : null}
        <h1 className="mt-1 text-sm font-semibold tracking-wide text-slate-700 uppercase">
          {title}
        </h1>
      </header>
      {children}
    </article>
  );
}

/** Label and value pairs, one under the other: narrow enough for 80 mm paper. */
export function SheetFacts({ facts }: { facts: [string, string][] }) {
  return (
    <dl className="space-y-2 text-sm">
      {facts.map(([label, value], i) => (
        <div key={`${i}-${label}`} className="flex flex-wrap justify-between gap-x-4">
          <dt className="text-slate-700">{label}</dt>
          <dd className="min-w-0 text-right font-medium break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The big figure of a sheet: what to pay, or what was paid. */
export function SheetAmount({ label, value }: { label: string; value: string }) {
  return (
    <div className="text-center">
      <p className="text-sm text-slate-700">{label}</p>
      <p className="text-3xl font-bold tabular-nums">{value}</p>
    </div>
  );
}

/** Why there is no sheet to show (closed, not paid yet), with where to go instead. */
export function SheetNotice({
  title,
  body,
  children,
}: {
  title: string;
  body: string;
  children?: ReactNode;
}) {
  return (
    <section className="space-y-2 rounded-xl bg-white p-5 text-sm ring-1 ring-slate-200">
      <h1 className="text-lg font-semibold text-slate-950">{title}</h1>
      <p className="text-slate-700">{body}</p>
      {children}
    </section>
  );
}
