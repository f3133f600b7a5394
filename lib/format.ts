/**
 * The one place where money, numbers and times become text for people: always
 * through Intl, in the person's language and time zone. Server and client both
 * call it, so a page and its live updates read the same.
 */
import { defaultLocale, intlLocales, type Locale } from "./i18n/config";
import { decimalPattern } from "@/lib/core/money";
import { defaultTimeZone, timeZones, type TimeZone } from "@/lib/core/time";

type Cache<T> = Map<string, T>;
const numberFormats: Cache<Intl.NumberFormat> = new Map();
const dateFormats: Cache<Intl.DateTimeFormat> = new Map();

function cached<T>(cache: Cache<T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (!value) cache.set(key, (value = make()));
  return value;
}

function moneyFormat(locale: Locale): Intl.NumberFormat {
  return cached(
    numberFormats,
    `money:${locale}`,
    () =>
      new Intl.NumberFormat(intlLocales[locale], {
        style: "currency",
        currency: "IDR",
        // "Rp" in English too: the symbol every Indonesian merchant reads.
        currencyDisplay: "narrowSymbol",
        minimumFractionDigits: 0,
        maximumFractionDigits: 4,
      }),
  );
}

/**
 * "Rp 1.250.000" (id) or "Rp 1,250,000" (en), with a normal space so it reads and
 * copies cleanly. Intl formats a decimal string exactly: every digit is kept.
 */
export function formatMoney(value: string | bigint, locale: Locale = defaultLocale): string {
  const exact = typeof value === "bigint" ? value : value.trim();
  if (typeof exact === "string" && !decimalPattern.test(exact)) return value.toString();
  // The signature says number, but Intl.NumberFormat v3 takes decimal strings exactly.
  return moneyFormat(locale)
    .format(exact as unknown as number)
    .replace(/\u00a0/g, " ");
}

export function formatNumber(value: number | bigint, locale: Locale = defaultLocale): string {
  return cached(numberFormats, `number:${locale}`, () => new Intl.NumberFormat(intlLocales[locale]))
    .format(value)
    .replace(/\u00a0/g, " ");
}

type DateStyle = "dateTime" | "date" | "time";

function dateFormat(locale: Locale, zone: TimeZone, style: DateStyle): Intl.DateTimeFormat {
  return cached(dateFormats, `${locale}:${zone}:${style}`, () => {
    const date = { day: "numeric", month: "short", year: "numeric" } as const;
    // Indonesian uses a 24-hour clock with two-digit hours ("09.05"), English a 12-hour one.
    const time =
      locale === "id"
        ? ({ hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const)
        : ({ hour: "numeric", minute: "2-digit", hourCycle: "h12" } as const);
    const options = style === "date" ? date : style === "time" ? time : { ...date, ...time };
    return new Intl.DateTimeFormat(intlLocales[locale], { timeZone: zone, ...options });
  });
}

function toDate(value: Date | string | null | undefined): Date | null {
  if (!value) return null;
  const date = typeof value === "string" ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * "25 Nov 2026 16.43 WIB" (id) or "Nov 25, 2026, 4:43 PM WIB" (en): the zone is
 * always named, since a merchant may be in WIB, WITA or WIT. A missing time is "—".
 */
export function formatDateTime(
  value: Date | string | null | undefined,
  locale: Locale = defaultLocale,
  zone: TimeZone = defaultTimeZone,
  style: DateStyle = "dateTime",
): string {
  const date = toDate(value);
  if (!date) return "—";
  // Indonesian writes the date and the time side by side, without the comma Intl puts there.
  const text = dateFormat(locale, zone, style)
    .formatToParts(date)
    .map((part, i, parts) =>
      locale === "id" && part.type === "literal" && parts[i + 1]?.type === "hour"
        ? " "
        : part.value,
    )
    .join("")
    .replace(/[\u00a0\u202f]/g, " ");
  return style === "date" ? text : `${text} ${timeZones[zone].abbreviation}`;
}

export type Formatter = ReturnType<typeof bindFormatter>;

/** The module bound to one language and zone: what pages and components hold. */
export function bindFormatter(locale: Locale, zone: TimeZone) {
  return {
    locale,
    zone,
    zoneName: timeZones[zone].abbreviation,
    money: (value: string | bigint) => formatMoney(value, locale),
    number: (value: number | bigint) => formatNumber(value, locale),
    dateTime: (value: Date | string | null | undefined) => formatDateTime(value, locale, zone),
    date: (value: Date | string | null | undefined) => formatDateTime(value, locale, zone, "date"),
  };
}

/**
 * A duration for people: "12 mnt" / "12 min" under an hour, hours with one decimal
 * under two days, else days ("3,5 jam", "1.5 days"). Null is "—".
 */
export function formatDuration(seconds: number | null, locale: Locale = defaultLocale): string {
  if (seconds === null) return "—";
  const [value, unit, digits] =
    seconds < 3600
      ? [Math.max(1, Math.round(seconds / 60)), "minute", 0]
      : seconds < 172_800
        ? [seconds / 3600, "hour", 1]
        : [seconds / 86_400, "day", 1];
  return cached(
    numberFormats,
    `duration:${locale}:${unit}`,
    () =>
      new Intl.NumberFormat(intlLocales[locale], {
        style: "unit",
        unit,
        unitDisplay: "long",
        maximumFractionDigits: digits,
      }),
  )
    .format(value)
    .replace(/\u00a0/g, " ");
}

/** A share as a percentage ("62,5%"); `signed` shows + or − for a change. */
export function formatPercent(
  ratio: number,
  locale: Locale = defaultLocale,
  signed = false,
): string {
  return cached(
    numberFormats,
    `percent:${locale}:${signed}`,
    () =>
      new Intl.NumberFormat(intlLocales[locale], {
        style: "percent",
        maximumFractionDigits: 1,
        signDisplay: signed ? "exceptZero" : "auto",
      }),
  )
    .format(ratio)
    .replace(/\u00a0/g, " ");
}

/** A calendar day ("2026-11-24") as people read it: "24 Nov 2026", "Nov 24, 2026". */
export function formatDay(
  day: string,
  locale: Locale = defaultLocale,
  withWeekday = false,
): string {
  return cached(
    dateFormats,
    `day:${locale}:${withWeekday}`,
    () =>
      new Intl.DateTimeFormat(intlLocales[locale], {
        timeZone: "UTC",
        day: "numeric",
        month: "short",
        year: "numeric",
        ...(withWeekday ? { weekday: "short" } : {}),
      }),
  ).format(new Date(`${day}T00:00:00Z`));
}

/** A month ("2026-11") as people read it: "November 2026". */
export function formatMonth(month: string, locale: Locale = defaultLocale): string {
  return cached(
    dateFormats,
    `month:${locale}`,
    () =>
      new Intl.DateTimeFormat(intlLocales[locale], {
        timeZone: "UTC",
        month: "long",
        year: "numeric",
      }),
  ).format(new Date(`${month}-01T00:00:00Z`));
}
