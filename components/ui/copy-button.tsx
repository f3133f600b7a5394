"use client";

import { useState } from "react";
import { buttonClass } from "./button-class";

/** Copies `value` to the clipboard and says so (announced politely). */
export function CopyButton({
  value,
  labels,
}: {
  value: string;
  labels: { idle: string; done: string; failed: string };
}) {
  const [copied, setCopied] = useState<"idle" | "done" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("done");
    } catch {
      // Clipboard access can be refused (insecure origin, permissions): say so rather than pretend.
      setCopied("failed");
    }
    setTimeout(() => setCopied("idle"), 2000);
  }
  return (
    <button type="button" onClick={copy} className={buttonClass("secondary")} aria-live="polite">
      {copied === "done" ? labels.done : copied === "failed" ? labels.failed : labels.idle}
    </button>
  );
}
