"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button-class";

/** Any unexpected failure: a short message and a way on, never a stack trace. */
export function ErrorContent({ digest, reset }: { digest?: string; reset: () => void }) {
  const t = useTranslations();
  return (
    <div role="alert" className="mx-auto max-w-md px-4 py-16 text-center sm:py-24">
      <h1 className="text-xl font-semibold">{t("errorPage.title")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("errorPage.body")}</p>
      {digest ? (
        <p className="mt-2 font-mono text-xs text-slate-600">
          {t("errorPage.reference", { digest })}
        </p>
      ) : null}
      <button type="button" onClick={reset} className={`${buttonClass()} mt-6`}>
        {t("common.tryAgain")}
      </button>
    </div>
  );
}
