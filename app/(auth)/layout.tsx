import type { ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Brand } from "@/components/layout/brand";
import { SkipLink } from "@/components/layout/skip-link";
import { LanguageSwitch } from "@/components/preferences/language-switch";
import { switchLocaleAction } from "../actions/preferences";

export default function AuthLayout({ children }: { children: ReactNode }) {
  const locale = useLocale();
  const t = useTranslations("shell");
  return (
    <div className="flex min-h-dvh flex-col bg-gradient-to-b from-brand-50 to-slate-50">
      <header className="flex items-center justify-between px-4 py-2">
        <SkipLink label={t("skipToContent")} />
        <span />
        <LanguageSwitch locale={locale} action={switchLocaleAction} />
      </header>
      <main
        id="main"
        tabIndex={-1}
        className="flex flex-1 items-start justify-center px-4 pt-6 pb-12 outline-none sm:items-center sm:pt-0"
      >
        <div className="w-full max-w-sm">
          <p className="mb-6 text-center text-lg text-slate-900">
            <Brand />
          </p>
          <div className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
            {children}
          </div>
        </div>
      </main>
    </div>
  );
}
