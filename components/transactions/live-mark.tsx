"use client";

import { useTranslations } from "next-intl";
import { useOnline } from "@/components/live/use-online";
import { sessionEndedReason } from "@/lib/auth/next-path";
import type { PollState } from "./transactions-poll";

/**
 * The list's "Live" mark: green while polls answer, grey with "Offline" while the
 * browser has no network (nothing can update then), red when polls fail for another
 * reason.
 */
export function LiveMark({
  failure,
  isValidating,
}: {
  failure: PollState["failure"];
  isValidating: boolean;
}) {
  return (
    <span role="status">
      <MarkBody failure={failure} isValidating={isValidating} />
    </span>
  );
}

function MarkBody({
  failure,
  isValidating,
}: {
  failure: PollState["failure"];
  isValidating: boolean;
}) {
  const t = useTranslations("transactions");
  const tFlows = useTranslations("flows");
  const online = useOnline();
  if (!online) {
    return (
      <span className="inline-flex items-center gap-1.5 text-slate-600">
        <span aria-hidden className="size-2 rounded-full bg-slate-400" />
        {tFlows("liveOffline")}
      </span>
    );
  }
  if (failure === "session-ended") {
    // Signed out elsewhere: the sign-in page says why and comes back to this list.
    const here = `${window.location.pathname}${window.location.search}`;
    const login = `/login?${new URLSearchParams({ next: here, reason: sessionEndedReason })}`;
    return (
      <a href={login} className="text-rose-700 underline underline-offset-2">
        {t("livePaused", { error: t("liveSessionEnded") })}
      </a>
    );
  }
  if (failure) {
    return (
      <span className="text-rose-700">
        {t("livePaused", {
          error: t("liveUnreachable"),
        })}
      </span>
    );
  }
  return (
    <span className="inline-flex items-center gap-1.5">
      <span
        aria-hidden
        className={`size-2 rounded-full ${isValidating ? "bg-brand-500" : "bg-emerald-500"}`}
      />
      {t("live")}
    </span>
  );
}
