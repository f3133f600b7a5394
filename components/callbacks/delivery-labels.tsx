import { useTranslations } from "next-intl";
import type { DeliveryOutcome, WebhookDelivery } from "@/db/schema";

/**
 * How each outcome looks. The words come from `callbacks.outcome`; the colour is never
 * the only signal, and every pair passes AA.
 */
export const outcomeTones = {
  applied: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  duplicate: "bg-slate-100 text-slate-700 ring-slate-300",
  stale: "bg-slate-100 text-slate-700 ring-slate-300",
  unmatched: "bg-sky-50 text-sky-900 ring-sky-200",
  needs_review: "bg-amber-50 text-amber-900 ring-amber-200",
  conflict: "bg-orange-50 text-orange-900 ring-orange-200",
  rejected: "bg-rose-50 text-rose-800 ring-rose-200",
  error: "bg-rose-50 text-rose-800 ring-rose-200",
} as const satisfies Record<DeliveryOutcome, string>;

/** A delivery's outcome, always written, with its resolution when a person settled it. */
export function OutcomeBadge({
  outcome,
  resolution,
}: {
  outcome: DeliveryOutcome;
  resolution?: string | null;
}) {
  const t = useTranslations("callbacks");
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <span
        className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ${outcomeTones[outcome]}`}
      >
        {t(`outcome.${outcome}`)}
      </span>
      {resolution && isResolution(resolution) ? (
        <span className="text-xs whitespace-nowrap text-slate-700">
          {t(`resolution.${resolution}`)}
        </span>
      ) : null}
    </span>
  );
}

const resolutions = ["accepted", "dismissed", "replayed"] as const;
function isResolution(value: string): value is (typeof resolutions)[number] {
  return (resolutions as readonly string[]).includes(value);
}

/** Which secret verified a delivery, or that none did. */
export function SignatureVerdict({
  delivery,
}: {
  delivery: Pick<WebhookDelivery, "signatureValid" | "verifiedWith">;
}) {
  const t = useTranslations("callbacks.signature");
  const key = !delivery.signatureValid
    ? "invalid"
    : delivery.verifiedWith === "current" || delivery.verifiedWith === "previous"
      ? delivery.verifiedWith
      : "verified";
  return (
    <span className={delivery.signatureValid ? "text-slate-800" : "font-medium text-rose-800"}>
      {t(key)}
    </span>
  );
}

/** The gateway mode of a delivery; none when no secret verified it. */
export function DeliveryMode({ mode }: { mode: WebhookDelivery["mode"] }) {
  const t = useTranslations();
  return <>{mode ? t(`mode.${mode}`) : t("callbacks.modeUnknown")}</>;
}
