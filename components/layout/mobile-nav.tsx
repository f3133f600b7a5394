"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { usePathname } from "next/navigation";
import { NavLinks } from "./nav-links";

/**
 * Below the `md` breakpoint the sidebar becomes a menu button and a drawer. A modal
 * <dialog> keeps focus inside while open, closes on Escape and returns focus to the
 * button; it also closes on every navigation.
 */
export function MobileNav({
  items,
  labels,
  children,
}: {
  items: readonly { href: string; label: string }[];
  labels: { open: string; close: string; nav: string };
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const pathname = usePathname();
  const close = () => dialog.current?.close();
  useEffect(close, [pathname]);
  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        onClick={() => dialog.current?.showModal()}
        className="-ml-2 inline-flex size-11 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500 md:hidden"
      >
        <svg aria-hidden viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor">
          <path strokeWidth={2} strokeLinecap="round" d="M4 6h16M4 12h16M4 18h16" />
        </svg>
        <span className="sr-only">{labels.open}</span>
      </button>
      <dialog
        ref={dialog}
        aria-label={labels.nav}
        onClick={(event) => event.target === dialog.current && close()}
        className="m-0 h-dvh max-h-none w-72 max-w-[85vw] bg-white p-0 shadow-xl backdrop:bg-slate-900/40 md:hidden"
      >
        <div className="flex h-full flex-col px-3 py-3">
          <div className="mb-3 flex justify-end">
            <button
              type="button"
              onClick={close}
              className="inline-flex size-11 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500"
            >
              <svg
                aria-hidden
                viewBox="0 0 24 24"
                className="size-6"
                fill="none"
                stroke="currentColor"
              >
                <path strokeWidth={2} strokeLinecap="round" d="M6 6l12 12M18 6L6 18" />
              </svg>
              <span className="sr-only">{labels.close}</span>
            </button>
          </div>
          <nav aria-label={labels.nav} className="flex-1">
            <NavLinks items={items} onNavigate={close} />
          </nav>
          {children}
        </div>
      </dialog>
    </>
  );
}
