"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button-class";

/** On screen only: print this sheet, or go back to the payment. Never on paper. */
export function PrintToolbar({
  backHref,
  canPrint = true,
}: {
  backHref: string;
  canPrint?: boolean;
}) {
  const t = useTranslations("buyerPage");
  return (
    <nav aria-label={t("toolbar")} className="mb-4 flex flex-wrap gap-2 print:hidden">
      {canPrint ? (
        <button type="button" onClick={() => window.print()} className={buttonClass("primary")}>
          {t("print")}
        </button>
      ) : null}
      <Link href={backHref} className={buttonClass("secondary")}>
        {t("back")}
      </Link>
    </nav>
  );
}
