import type { TransactionState } from "@/db/schema";
import { stateForStatus } from "@/lib/payments/lifecycle";
import { stateLabels } from "@/lib/payments/labels";

/** Our lifecycle state; a raw status we do not know is shown beside it, never hidden. */
export function StatusBadge({
  state,
  rawStatus,
}: {
  state: TransactionState;
  rawStatus: string | null;
}) {
  const { label, tone } = stateLabels[state];
  const unknownRaw = rawStatus && !stateForStatus(rawStatus) ? rawStatus : null;
  return (
    <span className="inline-flex items-center gap-1.5">
      <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${tone}`}>
        {label}
      </span>
      {unknownRaw ? (
        <span
          title="Status from Purwantara that the dashboard does not know yet"
          className="font-mono text-xs text-slate-500"
        >
          {unknownRaw}
        </span>
      ) : null}
    </span>
  );
}
