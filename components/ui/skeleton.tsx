import { useTranslations } from "next-intl";

/** A route's loading state: grey shapes where the content will be, announced once. */
export function PageSkeleton({
  rows = 5,
  variant = "list",
}: {
  rows?: number;
  variant?: "list" | "form" | "detail";
}) {
  const t = useTranslations("common");
  return (
    <div aria-busy="true" className="animate-pulse space-y-5">
      <span role="status" className="sr-only">
        {t("loading")}
      </span>
      <div className="h-8 w-48 rounded bg-slate-200" />
      <div className="h-4 w-72 max-w-full rounded bg-slate-200" />
      <div
        className={`space-y-3 rounded-xl bg-white p-5 ring-1 ring-slate-200 ${variant === "form" ? "max-w-xl" : ""}`}
      >
        {Array.from({ length: rows }, (_, i) => (
          <div
            key={i}
            className={
              variant === "form" ? "h-11 rounded bg-slate-100" : "h-6 rounded bg-slate-100"
            }
          />
        ))}
      </div>
    </div>
  );
}
