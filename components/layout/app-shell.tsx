import Link from "next/link";
import type { ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button-class";
import { LanguageSwitch } from "@/components/preferences/language-switch";
import type { CurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { getEnv } from "@/lib/env";
import type { GatewayMode } from "@purwantara/contract";
import { Brand } from "./brand";
import { MobileNav } from "./mobile-nav";
import { navItems } from "./nav-items";
import { NavLinks } from "./nav-links";
import { SkipLink } from "./skip-link";

/**
 * The frame of every signed-in page: a banner (skip link, test-data notice, top bar),
 * the navigation (a sidebar from `md` up, a drawer below it) and the one `main`.
 */
export function AppShell({
  user,
  mode,
  gatewayMissing = false,
  signOutAction,
  switchLocaleAction,
  modeSwitch,
  children,
}: {
  user: CurrentUser;
  mode: GatewayMode;
  /** The mode has no credentials yet (a fresh install configured from Settings). */
  gatewayMissing?: boolean;
  signOutAction: () => Promise<void>;
  switchLocaleAction: (formData: FormData) => Promise<void>;
  /** The test/live switch (components/layout/mode-switch.tsx), beside the language. */
  modeSwitch?: ReactNode;
  children: ReactNode;
}) {
  const t = useTranslations();
  const locale = useLocale();
  const canConfigure = can(user.role, "settings:manage");
  const items = navItems
    .filter((item) => can(user.role, item.permission))
    .map((item) => ({ href: item.href, label: t(`nav.${item.label}`) }));
  const userPanel = (
    <div className="border-t border-slate-200 px-3 pt-4 text-sm">
      <p className="font-medium text-slate-900">{user.name}</p>
      <p className="truncate text-slate-600">{user.email}</p>
      <p className="mt-1 inline-block rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
        {t(`role.${user.role}`)}
      </p>
      <form action={signOutAction} className="mt-3">
        <button type="submit" className={`${buttonClass("secondary")} w-full`}>
          {t("shell.signOut")}
        </button>
      </form>
    </div>
  );
  return (
    <div className="flex min-h-dvh flex-col">
      {/* A printed hand-off is the slip alone: no navigation, banner or buttons. */}
      <header className="print:hidden">
        <SkipLink label={t("shell.skipToContent")} />
        {mode !== "production" ? (
          <p className="bg-amber-300 px-4 py-1 text-center text-xs font-semibold text-amber-950">
            <span className="uppercase">{t(`mode.${mode}`)}</span>
            <span className="hidden sm:inline"> · {t("shell.testDataBanner")}</span>
            {getEnv().localDemo ? <span className="block">{t("demo.banner")}</span> : null}
          </p>
        ) : null}
        {gatewayMissing ? (
          <p className="bg-red-100 px-4 py-1 text-center text-xs font-medium text-red-900">
            {t("shell.noGateway")}
            {canConfigure ? (
              <>
                {" "}
                <Link href="/settings" className="font-semibold underline">
                  {t("shell.noGatewayAdmin")}
                </Link>
              </>
            ) : null}
          </p>
        ) : null}
        <div className="flex items-center gap-2 border-b border-slate-200 bg-white px-4 py-1.5 md:px-6">
          <MobileNav
            items={items}
            labels={{
              open: t("shell.openMenu"),
              close: t("shell.closeMenu"),
              nav: t("shell.mainNav"),
            }}
          >
            {userPanel}
          </MobileNav>
          <Link
            href="/overview"
            className="min-w-0 truncate rounded-md focus-visible:outline-2 focus-visible:outline-brand-500"
          >
            <Brand />
          </Link>
          <div className="ml-auto flex items-center gap-1">
            {modeSwitch}
            <LanguageSwitch locale={locale} action={switchLocaleAction} />
          </div>
        </div>
      </header>
      <div className="flex flex-1">
        <aside className="hidden w-60 shrink-0 flex-col border-r border-slate-200 bg-white px-3 py-5 md:flex print:!hidden">
          <nav aria-label={t("shell.mainNav")} className="flex-1">
            <NavLinks items={items} />
          </nav>
          {userPanel}
        </aside>
        <main
          id="main"
          tabIndex={-1}
          className="min-w-0 flex-1 px-4 py-5 outline-none md:px-8 md:py-6"
        >
          {children}
        </main>
      </div>
    </div>
  );
}
