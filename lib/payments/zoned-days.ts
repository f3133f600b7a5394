import { timeZones, type TimeZone } from "@/lib/time";

/** A calendar day, "YYYY-MM-DD", in some person's zone. */
export type Day = string;

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDay(value: unknown): value is Day {
  if (typeof value !== "string") return false;
  const match = dayPattern.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The day `now` falls on in `zone` (WIB, WITA and WIT have fixed offsets). */
export function zonedDay(now: Date, zone: TimeZone): Day {
  return new Date(now.getTime() + timeZones[zone].offsetMinutes * 60_000)
    .toISOString()
    .slice(0, 10);
}

export function addDays(day: Day, days: number): Day {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The instant `day` starts in `zone`. */
export function dayStart(day: Day, zone: TimeZone): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - timeZones[zone].offsetMinutes * 60_000);
}

/** Whole days from `from` to `to` (0 when equal). */
export function daysBetween(from: Day, to: Day): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Every day from `from` to `to`, inclusive, newest first. */
export function daysDescending(from: Day, to: Day): Day[] {
  const count = daysBetween(from, to) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, i) => addDays(to, -i));
}
