/** Times are stored as timestamptz and shown in Asia/Jakarta (WIB, UTC+7, no DST). */
export const jakartaTimeZone = "Asia/Jakarta";
const wibOffsetMs = 7 * 60 * 60 * 1000;

const wibFormat = new Intl.DateTimeFormat("id-ID", {
  timeZone: jakartaTimeZone,
  day: "2-digit",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

/** "24 Nov 2026 14.05 WIB". */
export function formatWib(value: Date | string | null | undefined): string {
  if (!value) return "—";
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return "—";
  return `${wibFormat.format(date)} WIB`;
}

/** A `datetime-local` value ("2026-11-24T19:00") read as WIB. */
export function parseWibDateTime(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!match) return null;
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0] = match.slice(1).map((p) => Number(p ?? 0));
  const utc = Date.UTC(y, mo - 1, d, h, mi, s) - wibOffsetMs;
  const date = new Date(utc);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A Date as a `datetime-local` value in WIB. */
export function toWibInputValue(date: Date): string {
  return new Date(date.getTime() + wibOffsetMs).toISOString().slice(0, 16);
}

/** ISO-8601 with the +07:00 offset, as Purwantara's requests use. */
export function toWibIso(date: Date): string {
  return `${new Date(date.getTime() + wibOffsetMs).toISOString().slice(0, 19)}+07:00`;
}

/** The `datetime-local` value (WIB) `ms` from now: a form's default expiry. */
export function wibInputValueFromNow(ms: number): string {
  return toWibInputValue(new Date(Date.now() + ms));
}
