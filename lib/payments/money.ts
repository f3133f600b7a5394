/**
 * Rupiah amounts are exact: decimal strings from the database and the gateway,
 * bigint whole rupiah in arithmetic. Never a JavaScript float.
 */

const decimalPattern = /^-?\d+(?:\.\d+)?$/;

/**
 * Parses what a person types: "150000", "150.000", "Rp 150.000" (dots group
 * thousands in Indonesian). Returns null when it is not a whole, positive amount.
 */
export function parseRupiahInput(input: string): bigint | null {
  const text = input.replace(/^\s*rp\.?\s*/i, "").replace(/\s+/g, "");
  if (/^\d{1,3}(\.\d{3})+$/.test(text)) return BigInt(text.replaceAll(".", ""));
  if (/^\d+$/.test(text)) return BigInt(text);
  return null;
}

const rupiahFormat = new Intl.NumberFormat("id-ID", {
  style: "currency",
  currency: "IDR",
  minimumFractionDigits: 0,
  maximumFractionDigits: 4,
});

/**
 * "Rp 10.000" (with a normal space, so it reads and copies cleanly). Intl formats a
 * decimal string exactly, so a fee such as "2500.5000" shows as "Rp 2.500,5".
 */
export function formatRupiah(value: string | bigint): string {
  const exact = typeof value === "bigint" ? value : value.trim();
  if (typeof exact === "string" && !decimalPattern.test(exact)) return value.toString();
  // The format's signature says number, but it takes decimal strings exactly (Intl.NumberFormat v3).
  return rupiahFormat.format(exact as unknown as number).replace(/\u00a0/g, " ");
}

/** The database's numeric text for whole rupiah. */
export function decimalFromRupiah(amount: bigint): string {
  return amount.toString();
}
