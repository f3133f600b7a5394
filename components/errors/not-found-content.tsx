import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button-class";

export function NotFoundContent() {
  const t = useTranslations("notFound");
  return (
    <div className="mx-auto max-w-md px-4 py-16 text-center sm:py-24">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-1 text-xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("body")}</p>
      <Link href="/overview" className={`${buttonClass()} mt-6`}>
        {t("back")}
      </Link>
    </div>
  );
}
