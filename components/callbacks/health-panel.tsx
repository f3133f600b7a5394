import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/roles";
import { getCurrentUser } from "@/lib/auth/session";
import { getCallbackHealth, type CallbackHealth } from "@/lib/webhooks/health";
import type { ReplicaState } from "@/db/read-replica";
import { actingMode } from "@/lib/gateway/config";
import { getFormatter } from "@/lib/i18n/server";
import type { GatewayMode } from "@purwantara/contract";

const reviewHref = "/callbacks?outcome=needs_review&outcome=conflict";

/**
 * How callbacks are doing, per mode: when the last one arrived, how many wait for a
 * person, and how many requests came with a signature no secret matched in the last
 * day (a wrong secret looks exactly like that). Self-contained: it reads who is
 * looking and fetches its own figures; `mode` narrows it to one mode.
 */
export async function HealthPanel({ mode }: { mode?: GatewayMode } = {}) {
  const t = await getTranslations();
  const user = await getCurrentUser();
  if (!user) return null;
  let health: CallbackHealth;
  try {
    health = await getCallbackHealth(mode);
  } catch (error) {
    console.error("callback health unavailable:", error instanceof Error ? error.name : error);
    return (
      <section aria-label={t("callbacks.health.title")} className={frame}>
        <p className="text-sm text-slate-700">{t("callbacks.health.unavailable")}</p>
      </section>
    );
  }
  const format = await getFormatter();
  const canReview = can(user.role, "callbacks:read");
  const acting = await actingMode(user);
  return (
    <section aria-labelledby="callback-health-heading" className={frame}>
      <h2 id="callback-health-heading" className="text-sm font-semibold text-slate-900">
        {t("callbacks.health.title")}
      </h2>
      <ul className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {health.modes.map((m) => (
          <li
            key={m.mode}
            className="rounded-lg bg-slate-50 px-3 py-2 text-sm ring-1 ring-slate-200"
          >
            <p className="font-medium text-slate-900">{t(`mode.${m.mode}`)}</p>
            <p className="text-slate-700">
              {t("callbacks.health.lastCallback")}:{" "}
              <span className="font-medium text-slate-900">
                {m.lastReceivedAt ? format.dateTime(m.lastReceivedAt) : t("callbacks.health.never")}
              </span>
            </p>
            <p className={m.awaitingReview > 0 ? "font-medium text-amber-900" : "text-slate-700"}>
              {t("callbacks.health.awaiting", { count: m.awaitingReview })}
              {m.awaitingReview > 0 && canReview && m.mode === acting ? (
                <>
                  {" "}
                  <Link
                    href={reviewHref}
                    className="inline-flex min-h-11 items-center text-brand-700 underline sm:min-h-0"
                  >
                    {t("callbacks.health.review")}
                  </Link>
                </>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
      <p
        className={`mt-3 text-sm ${health.inbox.pending > 0 ? "font-medium text-amber-900" : "text-slate-700"}`}
      >
        {t("callbacks.health.inbox", {
          count: health.inbox.pending,
          oldest: health.inbox.oldestAt ? format.dateTime(health.inbox.oldestAt) : "—",
        })}
      </p>
      <div
        className={`mt-3 rounded-lg px-3 py-2 text-sm ${
          health.rejectedLastDay > 0
            ? "bg-rose-50 text-rose-900 ring-1 ring-rose-200"
            : "text-slate-700"
        }`}
      >
        <p className={health.rejectedLastDay > 0 ? "font-medium" : undefined}>
          {t("callbacks.health.rejected", { count: health.rejectedLastDay })}
        </p>
        {health.rejectedLastDay > 0 ? <p>{t("callbacks.health.rejectedHint")}</p> : null}
      </div>
      <ReplicaLine state={health.readReplica} />
    </section>
  );
}

async function ReplicaLine({ state }: { state: ReplicaState }) {
  if (state.kind === "none") return null;
  const t = await getTranslations("callbacks.health.replica");
  const lag = "lagSeconds" in state && state.lagSeconds !== null ? state.lagSeconds : null;
  const seconds = lag === null ? "—" : lag.toFixed(1);
  return (
    <p
      className={`mt-3 text-sm ${state.kind === "in-use" ? "text-slate-700" : "font-medium text-amber-900"}`}
    >
      {t(state.kind, { seconds })}
    </p>
  );
}

const frame = "rounded-xl bg-white p-4 ring-1 ring-slate-200 sm:p-5";
