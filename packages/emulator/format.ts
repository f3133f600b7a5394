/** Purwantara's timestamp style: UTC with microseconds, `2023-08-31T05:00:00.000000Z`. */
export function toPurwantaraTime(iso: string): string;
export function toPurwantaraTime(iso: string | null): string | null;
export function toPurwantaraTime(iso: string | null): string | null {
  if (iso === null) return null;
  return new Date(iso).toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");
}

/** Purwantara's money style: a 4-decimal string, `"10000.0000"`. */
export function toPurwantaraAmount(wholeRupiah: string): string {
  return `${wholeRupiah}.0000`;
}

const rupiah = new Intl.NumberFormat("id-ID", {
  style: "currency",
  currency: "IDR",
  currencyDisplay: "narrowSymbol",
  minimumFractionDigits: 0,
  maximumFractionDigits: 4,
});

/** The emulator's pages, in Indonesian: "Rp 1.250.000", with a normal space. */
export function formatRupiah(value: string): string {
  // Intl.NumberFormat v3 formats a decimal string exactly (the signature says number).
  return rupiah.format(value as unknown as number).replace(/\u00a0/g, " ");
}

const wib = new Intl.DateTimeFormat("id-ID", {
  timeZone: "Asia/Jakarta",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** "25 Nov 2026 16.43 WIB": the date and the time side by side, the zone named. */
export function formatWib(value: string | null | undefined): string {
  const date = value ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) return "—";
  const text = wib
    .formatToParts(date)
    .map((part, i, parts) =>
      part.type === "literal" && parts[i + 1]?.type === "hour" ? " " : part.value,
    )
    .join("")
    .replace(/[\u00a0\u202f]/g, " ");
  return `${text} WIB`;
}
