import { parseDateTimeText } from "./day-text";

/**
 * Times are stored as timestamptz and shown in the person's Indonesian time zone:
 * WIB (the default), WITA or WIT. None of the three has daylight saving time, so each
 * is a fixed offset; converting a form's wall-clock value needs nothing more.
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
 * A wall-clock time read in `zone`: as typed ("24/11/2026 19:00", see lib/day-text.ts)
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
