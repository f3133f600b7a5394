import { useTranslations } from "next-intl";

export function Brand({ className = "" }: { className?: string }) {
  const t = useTranslations("meta");
  return (
    <span className={`inline-flex items-center gap-2 font-semibold tracking-tight ${className}`}>
      <span aria-hidden className="rounded-md bg-brand-600 px-2 py-0.5 text-white">
        P
      </span>
      {t("appName")}
    </span>
  );
}
