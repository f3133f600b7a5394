"use client";

import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  type ReactNode,
} from "react";
import { useToast } from "@/components/ui/toaster";

/** Something a live list saw happen, already in words. */
export type LiveNews = {
  /** Read out politely by screen readers. */
  announcement: string;
  /** A payment arrived: toasted, and counted in the tab title while nobody looks. */
  paid?: string;
};

const LiveContext = createContext<(news: LiveNews[]) => void>(() => {});

const counted = /^\(\d+\) /;

/**
 * Shared by every live list on the dashboard: one polite announcer, one toast per
 * payment received, and the tab title's count of payments that arrived while the
 * person was looking elsewhere (reset when they come back).
 */
export function LiveActivity({ children }: { children: ReactNode }) {
  const t = useTranslations("live");
  const toast = useToast();
  const pathname = usePathname();
  const [announcement, setAnnouncement] = useState("");
  const [unseen, setUnseen] = useState(0);
  const unseenRef = useRef(0);

  useEffect(() => {
    const seen = () => {
      if (document.visibilityState === "visible" && document.hasFocus()) setUnseen(0);
    };
    document.addEventListener("visibilitychange", seen);
    window.addEventListener("focus", seen);
    return () => {
      document.removeEventListener("visibilitychange", seen);
      window.removeEventListener("focus", seen);
    };
  }, []);

  useEffect(() => {
    unseenRef.current = unseen;
    // Next.js sets the title on navigation: re-apply the count over whatever it set.
    const base = document.title.replace(counted, "");
    document.title = unseen > 0 ? t("titleCount", { count: unseen, title: base }) : base;
  }, [unseen, pathname, t]);

  const report = useCallback(
    (news: LiveNews[]) => {
      if (news.length === 0) return;
      setAnnouncement(news.map((n) => n.announcement).join(" "));
      const paid = news.flatMap((n) => (n.paid ? [n.paid] : []));
      for (const text of paid) toast("success", text);
      const away = document.visibilityState !== "visible" || !document.hasFocus();
      if (away && paid.length) setUnseen((n) => n + paid.length);
    },
    [toast],
  );

  return (
    <LiveContext.Provider value={report}>
      {children}
      <p aria-live="polite" aria-atomic="true" className="sr-only">
        {announcement}
      </p>
    </LiveContext.Provider>
  );
}

export function useLiveReport(): (news: LiveNews[]) => void {
  return useContext(LiveContext);
}
