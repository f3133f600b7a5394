import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button-class";
import { DayField } from "@/components/ui/day-input";
import { deliveryOutcomes, type DeliveryLogFilter } from "@/lib/webhooks/delivery-log";

/** The log's filters: a plain GET form, so a filtered view is a URL to share. */
export function LogFilters({ filter }: { filter: DeliveryLogFilter }) {
  const t = useTranslations("callbacks");
  const error = (field: "from" | "to") => {
    const key = filter.errors[field];
    return key ? t(key === "date" ? "filters.dateInvalid" : "filters.dateRange") : undefined;
  };
  const active = filter.outcomes.length > 0 || filter.from || filter.to;
  return (
    <form
      method="get"
      action="/callbacks"
      aria-label={t("filters.title")}
      className="space-y-4 rounded-xl bg-white p-4 ring-1 ring-slate-200 sm:p-5"
    >
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t("filters.outcomes")}</legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {deliveryOutcomes.map((outcome) => (
            <label
              key={outcome}
              className="inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-md bg-slate-50 px-3 text-sm text-slate-800 ring-1 ring-slate-200 has-checked:bg-brand-50 has-checked:ring-brand-500"
            >
              <input
                type="checkbox"
                name="outcome"
                value={outcome}
                defaultChecked={filter.outcomes.includes(outcome)}
                className="size-4 accent-brand-600"
              />
              {t(`outcome.${outcome}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2 lg:max-w-xl">
        <DayField
          name="from"
          label={t("filters.from")}
          defaultValue={filter.from}
          error={error("from")}
        />
        <DayField name="to" label={t("filters.to")} defaultValue={filter.to} error={error("to")} />
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonClass()}>
          {t("filters.apply")}
        </button>
        {active ? (
          <Link href="/callbacks" className={buttonClass("secondary")}>
            {t("filters.clear")}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
