import Link from "next/link";
import { useTranslations } from "next-intl";
import { OutcomeBadge } from "@/components/callbacks/delivery-labels";
import type { DeliveryDetailRow, DeliveryRelative } from "@/db/queries/callbacks";
import type { Formatter } from "@/lib/format";
import { describeRecordedNote } from "@/lib/i18n/recorded-note";

/** Other rows with this delivery id (a retry, or a conflicting body), and its replays. */
export function RelatedDeliveries({
  siblings,
  replays,
  format,
}: Pick<DeliveryDetailRow, "siblings" | "replays"> & { format: Formatter }) {
  const t = useTranslations("callbacks.detail");
  const tAll = useTranslations();
  const row = (d: DeliveryRelative, extra?: string) => (
    <li key={d.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
      <Link
        href={`/callbacks/${d.id}`}
        className="inline-flex min-h-11 items-center text-brand-700 hover:underline sm:min-h-0"
      >
        {format.dateTime(d.receivedAt)}
      </Link>
      <OutcomeBadge outcome={d.outcome} resolution={d.resolution} />
      {extra ? <span className="text-xs text-slate-700">{extra}</span> : null}
      {d.reason ? (
        <span className="w-full text-xs break-words text-slate-600">
          {describeRecordedNote(tAll, format, d.reason)}
        </span>
      ) : null}
    </li>
  );
  return (
    <section
      aria-labelledby="related-heading"
      className="rounded-xl bg-white p-5 ring-1 ring-slate-200"
    >
      <h2 id="related-heading" className="mb-2 text-sm font-semibold text-slate-900">
        {t("related")}
      </h2>
      {siblings.length === 0 && replays.length === 0 ? (
        <p className="text-sm text-slate-700">{t("noRelated")}</p>
      ) : null}
      {siblings.length > 0 ? (
        <>
          <h3 className="mt-2 text-xs font-medium tracking-wide text-slate-600 uppercase">
            {t("siblings")}
          </h3>
          <ul className="divide-y divide-slate-100 text-sm">
            {siblings.map((s) => row(s, t(s.sameBody ? "sameBody" : "differentBody")))}
          </ul>
        </>
      ) : null}
      {replays.length > 0 ? (
        <>
          <h3 className="mt-2 text-xs font-medium tracking-wide text-slate-600 uppercase">
            {t("replays")}
          </h3>
          <ul className="divide-y divide-slate-100 text-sm">{replays.map((r) => row(r))}</ul>
        </>
      ) : null}
    </section>
  );
}
