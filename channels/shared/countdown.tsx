"use client";

import { useSyncExternalStore } from "react";
import { useFormat } from "@/components/format/use-format";

// One ticking clock (whole seconds) for every countdown on the page.
let nowSecond = 0;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    nowSecond = Math.floor(Date.now() / 1000);
    timer = setInterval(() => {
      nowSecond = Math.floor(Date.now() / 1000);
      listeners.forEach((l) => l());
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (!listeners.size && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}
const getSnapshot = () => nowSecond || Math.floor(Date.now() / 1000);
// The server does not know when the page is read: it writes the deadline alone.
const getServerSnapshot = () => null;

const two = (n: number) => String(n).padStart(2, "0");

/** Whole days, and the rest as "hh:mm:ss". */
export function remaining(seconds: number): { days: number; clock: string } {
  const s = Math.max(0, seconds);
  const days = Math.floor(s / 86_400);
  const rest = s % 86_400;
  return {
    days,
    clock: `${two(Math.floor(rest / 3600))}:${two(Math.floor((rest % 3600) / 60))}:${two(rest % 60)}`,
  };
}

/**
 * The deadline as a date and, in the browser, the time left, ticking every second.
 * Words come from the channel: `deadline` (with {time}), `left` and `ended`.
 */
export function Countdown({
  expiresAt,
  deadline,
  left,
  ended,
}: {
  expiresAt: string;
  deadline: (time: string) => string;
  left: (parts: { days: number; clock: string }) => string;
  ended: string;
}) {
  const format = useFormat();
  const now = useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
  const secondsLeft = now === null ? null : Math.floor(new Date(expiresAt).getTime() / 1000) - now;
  return (
    <div className="space-y-0.5">
      <p className="text-sm text-slate-700">
        <time dateTime={expiresAt}>{deadline(format.dateTime(expiresAt))}</time>
      </p>
      {secondsLeft === null ? null : (
        <p
          role="timer"
          aria-live="off"
          className={`text-sm font-medium tabular-nums ${secondsLeft > 0 ? "text-slate-900" : "text-rose-700"}`}
        >
          {secondsLeft > 0 ? left(remaining(secondsLeft)) : ended}
        </p>
      )}
    </div>
  );
}
