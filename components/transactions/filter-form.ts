import { parseTransactionFilter } from "@/lib/core/transaction-filter/parse";
import {
  filterPeriods,
  type FilterErrors,
  type TransactionFilter,
} from "@/lib/core/transaction-filter/vocabulary";

/** The panel's period select: any time, one of the URL's periods, or days typed in. */
export const periodChoices = ["any", ...filterPeriods, "custom"] as const;

/**
 * The filter panel's form read as the URL's own params, through the URL's own schema:
 * the panel accepts exactly what a link would. The search, the sort and the zone are not
 * in the form; they stay as they were.
 */
export function filterFromForm(
  data: FormData,
  current: TransactionFilter,
): { filter: TransactionFilter; errors: FilterErrors } {
  const text = (name: string) => String(data.get(name) ?? "").trim();
  const params = new URLSearchParams();
  for (const name of ["status", "channel", "flag", "refund"]) {
    params.set(name, data.getAll(name).map(String).join(","));
  }
  params.set(
    "bank",
    [...data.getAll("bank").map(String), text("bankOther").toUpperCase()].join(","),
  );
  for (const name of ["include", "on", "min", "max", "by"]) params.set(name, text(name));
  const period = text("period");
  if (period === "custom") {
    params.set("from", text("from"));
    params.set("to", text("to"));
  } else if (period !== "any") params.set("period", period);
  const { filter, errors } = parseTransactionFilter(params);
  return {
    filter: { ...filter, zone: current.zone, q: current.q, sort: current.sort, dir: current.dir },
    errors,
  };
}
