import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button-class";
import { SelectField } from "@/components/ui/select-field";
import type { GatewayCallQuery } from "@/lib/gateway-calls/list";
import { gatewayCallStatuses } from "@/lib/core/gateway-calls";

/** Status and endpoint: a plain GET form, so a filtered view is a URL to share. */
export function CallFilters({
  query,
  endpoints,
}: {
  query: GatewayCallQuery;
  endpoints: string[];
}) {
  const t = useTranslations("gatewayCalls");
  const active = query.status || query.endpoint || query.transaction;
  return (
    <form
      method="get"
      action="/gateway-calls"
      aria-label={t("filters.title")}
      className="space-y-4 rounded-xl bg-white p-4 ring-1 ring-slate-200 sm:p-5"
    >
      {query.transaction ? (
        <input type="hidden" name="transaction" value={query.transaction} />
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2 lg:max-w-2xl">
        <SelectField
          name="status"
          label={t("filters.status")}
          defaultValue={query.status ?? ""}
          options={[
            { value: "", label: t("filters.any") },
            ...gatewayCallStatuses.map((status) => ({
              value: status,
              label: t(`status.${status}`),
            })),
          ]}
        />
        <SelectField
          name="endpoint"
          label={t("filters.endpoint")}
          defaultValue={query.endpoint ?? ""}
          options={[
            { value: "", label: t("filters.any") },
            ...endpoints.map((endpoint) => ({ value: endpoint, label: endpoint })),
          ]}
        />
      </div>
      {query.transaction ? (
        <p className="text-sm text-slate-700">{t("filters.onePayment")}</p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonClass()}>
          {t("filters.apply")}
        </button>
        {active ? (
          <Link href="/gateway-calls" className={buttonClass("secondary")}>
            {t("filters.clear")}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
