import { useTranslations } from "next-intl";

/**
 * The product's mark and name. On a phone the header also holds the menu, mode and
 * language buttons, so the name there is the short one, never cut mid-word.
 */
export function Brand({ className = "" }: { className?: string }) {
  const t = useTranslations("meta");
  const tFlows = useTranslations("flows");
  return (
    <span className={`inline-flex items-center gap-2 font-semibold tracking-tight ${className}`}>
      <span aria-hidden className="rounded-md bg-brand-600 px-2 py-0.5 text-white">
        P
      </span>
      <span className="whitespace-nowrap sm:hidden">{tFlows("brandShort")}</span>
      <span className="hidden whitespace-nowrap sm:inline">{t("appName")}</span>
    </span>
  );
}
