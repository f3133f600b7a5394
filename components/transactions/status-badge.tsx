import { useTranslations } from "next-intl";
import type { TransactionState } from "@/db/schema";
import { stateForStatus } from "@/lib/payments/lifecycle";
import { stateTones } from "@/lib/payments/labels";

/** Our lifecycle state; a raw status we do not know is shown beside it, never hidden. */
export function StatusBadge({
  state,
  rawStatus,
}: {
  state: TransactionState;
  rawStatus: string | null;
}) {
  const t = useTranslations("status");
  const unknownRaw = rawStatus && !stateForStatus(rawStatus) ? rawStatus : null;
  return (
    <span className="inline-flex items-center gap-1.5">
      <span
        className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ${stateTones[state]}`}
      >
        {t(state)}
      </span>
      {unknownRaw ? (
        <span title={t("unknownRaw")} className="font-mono text-xs text-slate-600">
          {unknownRaw}
        </span>
      ) : null}
    </span>
  );
}
