import { getTranslations } from "next-intl/server";
import type { Formatter } from "@/lib/format";
import type { AdjustmentReview } from "@/db/queries/reconciliation-adjustments";
import type { ClosingAdjustment } from "@/lib/payments/closing-adjustments";
import type { FigureChange } from "@/lib/payments/closing-figures";
import type { ActionState } from "@/lib/actions/action-state";
import { AdjustmentReviewForm } from "./closing-forms";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

function shown(change: FigureChange, format: Formatter) {
  if (change.kind === "count") {
    const sign = change.delta > 0 ? "+" : "";
    return {
      before: format.number(change.before),
      now: format.number(change.now),
      delta: `${sign}${format.number(change.delta)}`,
    };
  }
  const sign = change.delta.startsWith("-") ? "" : "+";
  return {
    before: format.money(change.before),
    now: format.money(change.now),
    delta: `${sign}${format.money(change.delta)}`,
  };
}

/**
 * A closed day whose figures moved after close: what moved (at close, now, the
 * difference), who must look at it, their review form, and the reviews made so far.
 */
export async function AdjustmentPanel({
  adjustment,
  reviews,
  format,
  review,
}: {
  adjustment: ClosingAdjustment | null;
  reviews: AdjustmentReview[];
  format: Formatter;
  review: Action | null;
}) {
  if (!adjustment && reviews.length === 0) return null;
  const t = await getTranslations("reconciliation.adjustment");
  return (
    <section
      aria-labelledby="adjustment-title"
      className={`space-y-3 rounded-xl p-4 shadow-xs ring-1 ${adjustment ? "bg-rose-50 ring-rose-200" : "bg-white ring-slate-200"}`}
    >
      <h2 id="adjustment-title" className="font-semibold">
        {adjustment ? t("title") : t("historyTitle")}
      </h2>
      {adjustment ? (
        <>
          <p className="text-sm text-slate-800">
            {t("body", { when: t(reviews.length ? "whenReviewed" : "whenMarked") })}
          </p>
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-slate-700">
              <tr>
                <th scope="col" className="py-1 pr-2">
                  {t("figure")}
                </th>
                <th scope="col" className="py-1 pr-2 text-right">
                  {t("before")}
                </th>
                <th scope="col" className="py-1 pr-2 text-right">
                  {t("now")}
                </th>
                <th scope="col" className="py-1 text-right">
                  {t("delta")}
                </th>
              </tr>
            </thead>
            <tbody>
              {adjustment.changes.map((c) => {
                const v = shown(c, format);
                return (
                  <tr key={c.figure} className="border-t border-rose-200">
                    <th scope="row" className="py-1.5 pr-2 font-medium">
                      {t(`figures.${c.figure}`)}
                    </th>
                    <td className="py-1.5 pr-2 text-right whitespace-nowrap tabular-nums">
                      {v.before}
                    </td>
                    <td className="py-1.5 pr-2 text-right whitespace-nowrap tabular-nums">
                      {v.now}
                    </td>
                    <td className="py-1.5 text-right font-semibold whitespace-nowrap tabular-nums">
                      {v.delta}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="text-sm font-medium text-rose-900">{t("who")}</p>
          {review ? <AdjustmentReviewForm action={review} /> : null}
        </>
      ) : null}
      {reviews.length ? (
        <div className="space-y-1">
          {adjustment ? <h3 className="text-sm font-medium">{t("historyTitle")}</h3> : null}
          <ul className="space-y-1 text-sm text-slate-700">
            {reviews.map((r) => (
              <li key={r.id} className="whitespace-pre-line">
                {t("historyItem", {
                  name: r.reviewedByName,
                  time: format.dateTime(r.createdAt),
                  note: r.note,
                })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
