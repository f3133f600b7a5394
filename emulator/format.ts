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
