import { useTranslations } from "next-intl";
import type { ReconciliationStatus } from "@/db/schema";

const tones = {
  open: "bg-slate-100 text-slate-700 ring-slate-200",
  awaiting_approval: "bg-amber-50 text-amber-900 ring-amber-200",
  approved: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  rejected: "bg-rose-50 text-rose-800 ring-rose-200",
} as const satisfies Record<ReconciliationStatus | "open", string>;

/** A day's closing: open, awaiting approval, closed (approved) or rejected. */
export function ClosingBadge({ status }: { status: ReconciliationStatus | "open" }) {
  const t = useTranslations("reconciliation.status");
  return (
    <span
      className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ${tones[status]}`}
    >
      {t(status)}
    </span>
  );
}

/** A closed day whose figures moved after close and wait for a review. */
export function AdjustedBadge() {
  const t = useTranslations("reconciliation");
  return (
    <span className="inline-flex rounded-full bg-rose-50 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-rose-800 ring-1 ring-rose-200">
      {t("adjustedBadge")}
    </span>
  );
}
