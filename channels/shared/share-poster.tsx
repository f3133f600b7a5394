"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button-class";

type State = "idle" | "busy" | "downloaded" | "failed";

async function fetchPoster(href: string, fileName: string): Promise<File> {
  const response = await fetch(href, { credentials: "same-origin", redirect: "error" });
  if (!response.ok) throw new Error(`poster ${response.status}`);
  return new File([await response.blob()], fileName, { type: "image/png" });
}

function download(file: File): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement("a");
  link.href = url;
  link.download = file.name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started; the address can go.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * The QRIS poster itself to WhatsApp (or any app) in one step on a phone: the Web
 * Share API with files where the browser has it, a download of the PNG otherwise.
 * The poster is fetched ahead, so the share runs inside the tap (Safari refuses a
 * share that waited on the network).
 */
export function SharePosterButton({
  href,
  fileName,
  text,
}: {
  href: string;
  fileName: string;
  text: string;
}) {
  const t = useTranslations("handoff");
  const [state, setState] = useState<State>("idle");
  const ready = useRef<Promise<File> | null>(null);
  useEffect(() => {
    const poster = fetchPoster(href, fileName);
    poster.catch(() => undefined);
    ready.current = poster;
  }, [href, fileName]);

  async function share() {
    setState("busy");
    try {
      const file = await (ready.current ?? fetchPoster(href, fileName));
      if (navigator.canShare?.({ files: [file] })) {
        try {
          await navigator.share({ files: [file], text });
          setState("idle");
          return;
        } catch (error) {
          // The person closed the share sheet: nothing to do.
          if (error instanceof DOMException && error.name === "AbortError") {
            setState("idle");
            return;
          }
        }
      }
      download(file);
      setState("downloaded");
    } catch {
      ready.current = null;
      setState("failed");
    }
  }

  return (
    <div className="flex flex-col gap-1">
      <button
        type="button"
        onClick={share}
        disabled={state === "busy"}
        className={buttonClass("secondary")}
      >
        {state === "busy" ? t("sharingPoster") : t("sharePoster")}
      </button>
      <p role="status" aria-live="polite" className="text-sm text-slate-700 empty:hidden">
        {state === "downloaded"
          ? t("posterDownloaded")
          : state === "failed"
            ? t("posterFailed")
            : ""}
      </p>
    </div>
  );
}
