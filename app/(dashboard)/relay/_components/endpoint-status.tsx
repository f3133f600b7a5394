import { getTranslations } from "next-intl/server";
import type { RelayEndpointView } from "@/lib/relay/view";

/** Running, paused by an admin, or paused after a day of failures. */
export async function EndpointStatus({ endpoint }: { endpoint: RelayEndpointView }) {
  const t = await getTranslations("relay.status");
  const [label, tone] = !endpoint.pausedAt
    ? [
        endpoint.failingSince ? t("failing") : t("active"),
        endpoint.failingSince ? "amber" : "emerald",
      ]
    : [endpoint.pausedReason === "failing" ? t("pausedFailing") : t("paused"), "slate"];
  const tones: Record<string, string> = {
    emerald: "bg-emerald-50 text-emerald-800 ring-emerald-200",
    amber: "bg-amber-50 text-amber-900 ring-amber-200",
    slate: "bg-slate-100 text-slate-800 ring-slate-300",
  };
  return (
    <span
      className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${tones[tone]}`}
    >
      {label}
    </span>
  );
}
