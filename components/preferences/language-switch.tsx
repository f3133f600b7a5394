import { useTranslations } from "next-intl";
import type { Locale } from "@/lib/i18n/config";

/** One click to the other language; a plain form, so it works before JavaScript loads. */
export function LanguageSwitch({
  locale,
  action,
}: {
  locale: Locale;
  action: (formData: FormData) => Promise<void>;
}) {
  const t = useTranslations("shell");
  const other: Locale = locale === "id" ? "en" : "id";
  return (
    <form action={action}>
      <input type="hidden" name="locale" value={other} />
      <button
        type="submit"
        aria-label={t("switchLanguageLabel")}
        className="inline-flex min-h-11 items-center gap-1.5 rounded-md px-2.5 text-sm font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500"
      >
        <svg aria-hidden viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor">
          <circle cx="12" cy="12" r="9" strokeWidth={1.8} />
          <path strokeWidth={1.8} d="M3 12h18M12 3c2.5 3 2.5 15 0 18M12 3c-2.5 3-2.5 15 0 18" />
        </svg>
        <span lang={other} className="hidden sm:inline">
          {t("switchLanguage")}
        </span>
        <span aria-hidden className="sm:hidden">
          {t("switchLanguageShort")}
        </span>
      </button>
    </form>
  );
}
