/**
 * Reading a filter from URL params, as one zod schema: the page, the JSON route and the
 * filter panel (which submits the same names) all read through `parseTransactionFilter`.
 * Every field is lenient: what cannot be read is dropped (the list still shows) and named
 * in `errors`, so the controls can say which part was ignored.
 */
import { z } from "zod";
import { parseRupiahInput } from "@/lib/core/money";
import { isDay, isTimeZone, type Day, type TimeZone } from "@/lib/core/time";
import {
  filterChannels,
  filterFlags,
  filterPeriods,
  filterStates,
  filterTimeFields,
  maxSearchLength,
  refundFilters,
  sortFields,
  type FilterErrors,
  type TransactionFilter,
} from "./vocabulary";

/** A field as read: its value, and the catalogue code of what was dropped, if anything. */
type Field<T> = { value: T; error?: string };

/** A comma list: each value once, trimmed, blanks dropped. */
const commaList = z
  .string()
  .nullish()
  .transform((text) => [
    ...new Set(
      (text ?? "")
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean),
    ),
  ]);

/** Values of `allowed`, in its order (one filter, one URL); any other value is dropped. */
function choices<T extends string>(allowed: readonly [T, ...T[]], error: string) {
  const one = z.enum(allowed);
  return commaList.transform((values): Field<T[]> => {
    const ok = values
      .filter((v): v is T => one.safeParse(v).success)
      .sort((a, b) => allowed.indexOf(a) - allowed.indexOf(b));
    return ok.length === values.length ? { value: ok } : { value: ok, error };
  });
}

/** One value passing `schema`; absent gives `fallback`, unreadable gives it too and is named. */
function single<T, F>(schema: z.ZodType<T>, fallback: F, error?: string) {
  return z
    .string()
    .nullish()
    .transform((text): Field<T | F> => {
      if (!text) return { value: fallback };
      const parsed = schema.safeParse(text);
      if (parsed.success) return { value: parsed.data };
      return error ? { value: fallback, error } : { value: fallback };
    });
}

const daySchema = z.string().refine((text): text is Day => isDay(text));
const zoneSchema = z.string().refine((text): text is TimeZone => isTimeZone(text));
/** Whole rupiah as a digit string: "150000", "150.000", "Rp 150.000"; at most 15 digits. */
const rupiahSchema = z.string().transform((text, ctx) => {
  const amount = parseRupiahInput(text)?.toString();
  if (amount && amount.length <= 15) return amount;
  ctx.addIssue({ code: "custom", message: "amount" });
  return z.NEVER;
});

export const transactionFilterParamsSchema = z.object({
  status: choices(filterStates, "status"),
  include: commaList.transform((v): Field<boolean> => ({ value: v.includes("not_created") })),
  channel: choices(filterChannels, "channel"),
  bank: commaList.transform((v): Field<string[]> => ({
    value: v.map((b) => b.slice(0, 40)).slice(0, 20),
  })),
  on: single(z.enum(filterTimeFields), "created" as const),
  period: single(z.enum(filterPeriods), null, "period"),
  from: single(daySchema, null, "day"),
  to: single(daySchema, null, "day"),
  tz: single(zoneSchema, null),
  min: single(rupiahSchema, null, "amount"),
  max: single(rupiahSchema, null, "amount"),
  by: single(
    z.guid().transform((id) => id.toLowerCase()),
    null,
    "by",
  ),
  flag: choices(filterFlags, "flag"),
  refund: choices(refundFilters, "refund"),
  q: z
    .string()
    .nullish()
    .transform((text): Field<string> => ({ value: (text ?? "").trim().slice(0, maxSearchLength) })),
  sort: single(z.enum(sortFields), "created" as const),
  dir: single(z.enum(["desc", "asc"]), "desc" as const),
});

type ParamName = keyof typeof transactionFilterParamsSchema.shape;
const paramNames = Object.keys(transactionFilterParamsSchema.shape) as ParamName[];

export type ParamSource =
  | URLSearchParams
  | Record<string, string | string[] | undefined>
  | { get(name: string): string | null };

function getParam(source: ParamSource, name: string): string | null {
  if (typeof (source as URLSearchParams).get === "function") {
    return (source as URLSearchParams).get(name);
  }
  const value = (source as Record<string, string | string[] | undefined>)[name];
  if (Array.isArray(value)) return value.join(",");
  return value ?? null;
}

/** Reads a filter from URL params (see the URL contract in vocabulary.ts). */
export function parseTransactionFilter(source: ParamSource): {
  filter: TransactionFilter;
  errors: FilterErrors;
} {
  const raw = Object.fromEntries(paramNames.map((name) => [name, getParam(source, name)]));
  const read = transactionFilterParamsSchema.parse(raw);
  const errors: FilterErrors = {};
  for (const name of paramNames) {
    const error = read[name].error;
    if (error) errors[name as keyof FilterErrors] = error;
  }
  const period = read.period.value;
  let to = read.to.value;
  if (read.from.value && to && read.from.value > to) {
    errors.to = "toBeforeFrom";
    to = null;
  }
  const min = read.min.value;
  let max = read.max.value;
  if (min !== null && max !== null && BigInt(min) > BigInt(max)) {
    errors.max = "maxBelowMin";
    max = null;
  }
  return {
    filter: {
      status: read.status.value,
      includeNotCreated: read.include.value,
      channel: read.channel.value,
      bank: read.bank.value,
      on: read.on.value,
      period,
      from: period ? null : read.from.value,
      to: period ? null : to,
      zone: read.tz.value,
      min,
      max,
      by: read.by.value,
      flag: read.flag.value,
      refund: read.refund.value,
      q: read.q.value,
      sort: read.sort.value,
      dir: read.dir.value,
    },
    errors,
  };
}
