"use client";

import { createContext, useCallback, useContext, useState, type ReactNode } from "react";

type Toast = { id: number; tone: "success" | "error"; text: string };
type ShowToast = (tone: Toast["tone"], text: string) => void;

const ToastContext = createContext<ShowToast>(() => {});

/**
 * Provides `useToast()`: for news that has no place on the page (a payment arrived),
 * never for an error a form already shows. Toasts stack at the bottom and leave after
 * a few seconds; each can be dismissed.
 */
export function Toaster({ children, closeLabel }: { children: ReactNode; closeLabel: string }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => setToasts((l) => l.filter((t) => t.id !== id)), []);
  const show = useCallback<ShowToast>(
    (tone, text) => {
      const id = Date.now() + Math.random();
      setToasts((list) => [...list.slice(-3), { id, tone, text }]);
      setTimeout(() => dismiss(id), 6000);
    },
    [dismiss],
  );
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div
        aria-live="polite"
        className="fixed inset-x-4 bottom-4 z-50 flex flex-col gap-2 sm:right-4 sm:left-auto sm:w-80"
      >
        {toasts.map((t) => (
          <div
            key={t.id}
            role="status"
            className={`flex items-start gap-2 rounded-lg py-2 pr-2 pl-4 text-sm shadow-lg ring-1 ${
              t.tone === "success"
                ? "bg-emerald-50 text-emerald-950 ring-emerald-300"
                : "bg-rose-50 text-rose-950 ring-rose-300"
            }`}
          >
            <p className="flex-1 py-1.5">{t.text}</p>
            <button
              type="button"
              onClick={() => dismiss(t.id)}
              className="inline-flex size-8 shrink-0 items-center justify-center rounded-md hover:bg-black/5 focus-visible:outline-2 focus-visible:outline-brand-500"
            >
              <span aria-hidden>×</span>
              <span className="sr-only">{closeLabel}</span>
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ShowToast {
  return useContext(ToastContext);
}
