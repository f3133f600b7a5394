import { parseDateTimeText } from "./day-text";

/**
 * Zones and calendar days, said once. Times are stored as timestamptz and shown in the
 * person's Indonesian time zone: WIB (the default), WITA or WIT. None of the three has
 * daylight saving time, so each is a fixed offset; a day in a zone, its first instant,
 * and a form's wall-clock value need nothing more. Pure: the browser uses it too.
 */
export const timeZones = {
  "Asia/Jakarta": { abbreviation: "WIB", offsetMinutes: 7 * 60 },
  "Asia/Makassar": { abbreviation: "WITA", offsetMinutes: 8 * 60 },
  "Asia/Jayapura": { abbreviation: "WIT", offsetMinutes: 9 * 60 },
} as const;
export type TimeZone = keyof typeof timeZones;
export const timeZoneIds = Object.keys(timeZones) as [TimeZone, ...TimeZone[]];
export const defaultTimeZone: TimeZone = "Asia/Jakarta";

export function isTimeZone(value: unknown): value is TimeZone {
  return typeof value === "string" && value in timeZones;
}

function offsetMs(zone: TimeZone): number {
  return timeZones[zone].offsetMinutes * 60_000;
}

/**
 * A wall-clock time read in `zone`: as typed ("24/11/2026 19:00", see day-text.ts)
 * or as a `datetime-local` value ("2026-11-24T19:00").
 */
export function parseZonedDateTime(text: string, zone: TimeZone): Date | null {
  const local = /:\d{2}:\d{2}$/.test(text) ? text : (parseDateTimeText(text) ?? text);
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!match) return null;
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0] = match.slice(1).map((p) => Number(p ?? 0));
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s) - offsetMs(zone));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A Date as a `datetime-local` value in `zone`. */
export function toZonedInputValue(date: Date, zone: TimeZone): string {
  return new Date(date.getTime() + offsetMs(zone)).toISOString().slice(0, 16);
}

/** The `datetime-local` value `ms` from now in `zone`: a form's default expiry. */
export function zonedInputValueFromNow(ms: number, zone: TimeZone): string {
  return toZonedInputValue(new Date(Date.now() + ms), zone);
}

/** ISO-8601 with the zone's offset ("2026-11-24T19:00:00+07:00"), as Purwantara's requests use. */
export function toZonedIso(date: Date, zone: TimeZone = defaultTimeZone): string {
  const minutes = timeZones[zone].offsetMinutes;
  const sign = minutes >= 0 ? "+" : "-";
  const hh = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, "0");
  const mm = String(Math.abs(minutes) % 60).padStart(2, "0");
  return `${new Date(date.getTime() + offsetMs(zone)).toISOString().slice(0, 19)}${sign}${hh}:${mm}`;
}

/** A calendar day, "YYYY-MM-DD", in some zone. */
export type Day = string;

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const dayMs = 86_400_000;

/** True for a real calendar day written "YYYY-MM-DD" (2026-02-31 is not one). */
export function isDay(value: unknown): value is Day {
  if (typeof value !== "string" || !dayPattern.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The day `now` falls on in `zone`. */
export function zonedDay(now: Date, zone: TimeZone): Day {
  return new Date(now.getTime() + offsetMs(zone)).toISOString().slice(0, 10);
}

/** The instant `day` starts in `zone`. */
export function dayStart(day: Day, zone: TimeZone): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - offsetMs(zone));
}

export function addDays(day: Day, days: number): Day {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

/** The first day of the month `deltaMonths` away from `day`'s month. */
export function monthStart(day: Day, deltaMonths = 0): Day {
  const [y, m] = day.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + deltaMonths, 1)).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (0 when equal). */
export function daysBetween(from: Day, to: Day): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
}

/** Every day from `from` to `to`, inclusive, newest first. */
export function daysDescending(from: Day, to: Day): Day[] {
  const count = daysBetween(from, to) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, i) => addDays(to, -i));
}
