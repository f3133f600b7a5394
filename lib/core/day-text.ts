/**
 * Dates as Indonesians write them, whatever the browser's language: "dd/mm/yyyy" and
 * "dd/mm/yyyy hh:mm" (24-hour; "08.30" and "8:30 PM" are read too). Forms show and
 * read these; URLs and the server keep ISO ("yyyy-mm-dd", "yyyy-mm-ddThh:mm").
 * Native date pickers are not used: they follow the browser's language, so a phone in
 * English shows 12/08/2026 for 12 August to a dd/mm reader as 8 December.
 */

const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;
const typedDay = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const isoDateTime = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/;
const typedTime = /^(\d{1,2})[:.](\d{2})(?:\s*([ap])\.?\s*m\.?)?$/i;

const two = (n: number) => String(n).padStart(2, "0");

/** A real calendar day as "yyyy-mm-dd", or null (31/02 is not a day). */
function isoOf(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  const ok =
    year >= 1000 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day;
  return ok ? `${year}-${two(month)}-${two(day)}` : null;
}

/** "07/12/2026" (or "7-12-2026", "07.12.2026", or ISO) → "2026-12-07"; null if not a day. */
export function parseDayText(text: string): string | null {
  const s = text.trim();
  const iso = isoDay.exec(s);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const typed = typedDay.exec(s);
  return typed ? isoOf(Number(typed[3]), Number(typed[2]), Number(typed[1])) : null;
}

/** "2026-12-07" → "07/12/2026"; anything else is given back as it is (to show what was typed). */
export function dayText(value: string | null | undefined): string {
  const iso = isoDay.exec(value ?? "");
  return iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : (value ?? "");
}

/** "20:49", "20.49", "8:49 PM" → minutes into the day; null if not a time. */
function parseTime(text: string): { hour: number; minute: number } | null {
  const match = typedTime.exec(text.trim());
  if (!match) return null;
  let hour = Number(match[1]);
  const minute = Number(match[2]);
  const half = match[3]?.toLowerCase();
  if (half) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half === "p" ? 12 : 0);
  }
  return hour <= 23 && minute <= 59 ? { hour, minute } : null;
}

/** "07/12/2026 20:49" (or ISO "2026-12-07T20:49") → "2026-12-07T20:49"; null if not both. */
export function parseDateTimeText(text: string): string | null {
  const s = text.trim();
  const iso = isoDateTime.exec(s);
  if (iso) {
    const day = parseDayText(iso[1]!);
    const time = parseTime(`${iso[2]}:${iso[3]}`);
    return day && time ? `${day}T${two(time.hour)}:${two(time.minute)}` : null;
  }
  const parts = /^(\S+?)[,\s]+(.+)$/.exec(s);
  const day = parts ? parseDayText(parts[1]!) : null;
  const time = parts ? parseTime(parts[2]!) : null;
  return day && time ? `${day}T${two(time.hour)}:${two(time.minute)}` : null;
}

/** "2026-12-07T20:49" → "07/12/2026 20:49"; anything else as it is. */
export function dateTimeText(value: string | null | undefined): string {
  const iso = isoDateTime.exec(value ?? "");
  return iso ? `${dayText(iso[1])} ${iso[2]}:${iso[3]}` : (value ?? "");
}
